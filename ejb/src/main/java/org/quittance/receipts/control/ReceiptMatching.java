package org.quittance.receipts.control;

import org.quittance.billing.control.OpenInvoice;
import org.quittance.billing.entity.InvoiceState;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Finds the open invoices a receipt may pay and lets {@link ReceiptMatcher} decide. */
@Stateless
public class ReceiptMatching {

    @PersistenceContext
    EntityManager em;

    public ReceiptMatch match(ReceiptMatcher.Facts facts) {
        return ReceiptMatcher.match(facts, candidates(facts));
    }

    /**
     * The invoices the checkout named, the client's open ones, the ones the text names and the ones
     * open for exactly this amount, in the receipt's currency.
     */
    List<OpenInvoice> candidates(ReceiptMatcher.Facts facts) {
        String named = facts.named().keySet().stream().map(String::valueOf).collect(Collectors.joining(","));  // Longs only
        // What names the payment (the checkout's invoices, the client, the text) comes before invoices
        // that merely have the same amount, so that a firm with many equal invoices never loses the
        // one the payment names to the limit.
        List<Object> namedParameters = new ArrayList<>();
        StringBuilder namedBy = new StringBuilder("FALSE");
        if (!named.isEmpty()) {
            namedBy.append(" OR i.id IN (").append(named).append(')');
        }
        if (facts.clientId() != null) {
            namedBy.append(" OR m.client_id = ?");
            namedParameters.add(facts.clientId());
        }
        if (!facts.text().isBlank()) {
            namedBy.append(" OR strpos(?, upper(i.number)) > 0");
            namedParameters.add(facts.text().toUpperCase(Locale.ROOT));
        }
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT " + OpenInvoice.COLUMNS + """

                FROM invoice i JOIN matter m ON m.id = i.matter_id
                WHERE i.state IN (""" + InvoiceState.PAYABLE_SQL + ") AND i.currency = ? AND (i.balance_due = ? OR ");
        parameters.add(facts.gross().currency());
        parameters.add(facts.gross().amount());
        sql.append(namedBy).append(") ORDER BY ");
        parameters.addAll(namedParameters);
        if (!namedBy.toString().equals("FALSE")) {
            // (PostgreSQL refuses a constant here: with nothing naming the payment there is nothing to put first.)
            sql.append('(').append(namedBy).append(") DESC, ");
            parameters.addAll(namedParameters);
        }
        sql.append("i.due_date, i.number LIMIT 500");
        var query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(OpenInvoice::of).toList();
    }
}
