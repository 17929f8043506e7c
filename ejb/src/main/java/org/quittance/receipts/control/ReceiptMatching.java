package org.quittance.receipts.control;

import org.quittance.billing.control.OpenInvoice;
import org.quittance.billing.entity.InvoiceState;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
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
     * open for exactly this amount, in the receipt's currency. Each of the four is found through its
     * own index (a large firm has tens of thousands of open invoices, and testing each against the
     * text took 20-60 ms a receipt); what names the payment sorts first.
     */
    List<OpenInvoice> candidates(ReceiptMatcher.Facts facts) {
        String named = facts.named().keySet().stream().map(String::valueOf).collect(Collectors.joining(","));  // Longs only
        Set<String> mentioned = ReceiptMatcher.mentionable(facts.text());
        String mentionedList = String.join(",", Collections.nCopies(mentioned.size(), "?"));
        List<Object> parameters = new ArrayList<>();
        // What names the payment (the checkout's invoices, the client, the text) comes before invoices
        // that merely have the same amount, so that a firm with many equal invoices never loses the
        // one the payment names to the limit.
        List<String> arms = new ArrayList<>();
        List<Object> namedParameters = new ArrayList<>();
        StringBuilder namedBy = new StringBuilder("FALSE");
        if (!named.isEmpty()) {
            arms.add("SELECT id FROM invoice WHERE id IN (" + named + ")");
            namedBy.append(" OR i.id IN (").append(named).append(')');
        }
        if (facts.clientId() != null) {
            arms.add("SELECT x.id FROM invoice x JOIN matter xm ON xm.id = x.matter_id WHERE xm.client_id = ?");
            parameters.add(facts.clientId());
            namedBy.append(" OR m.client_id = ?");
            namedParameters.add(facts.clientId());
        }
        if (!mentioned.isEmpty()) {
            arms.add("SELECT id FROM invoice WHERE upper(number) IN (" + mentionedList + ")");
            parameters.addAll(mentioned);
            namedBy.append(" OR upper(i.number) IN (").append(mentionedList).append(')');
            namedParameters.addAll(mentioned);
        }
        arms.add("SELECT id FROM invoice WHERE balance_due = ? AND state IN (" + InvoiceState.PAYABLE_SQL + ")");
        parameters.add(facts.gross().amount());
        StringBuilder sql = new StringBuilder("SELECT " + OpenInvoice.COLUMNS + """

                FROM invoice i JOIN matter m ON m.id = i.matter_id
                WHERE i.id IN (""" + String.join(" UNION ", arms) + ") AND i.state IN (" + InvoiceState.PAYABLE_SQL
                + ") AND i.currency = ? ORDER BY ");
        parameters.add(facts.gross().currency());
        if (!namedBy.toString().equals("FALSE")) {
            // (PostgreSQL refuses a constant here: with nothing naming the payment there is nothing to put first.)
            sql.append('(').append(namedBy).append(") DESC, ");
            parameters.addAll(namedParameters);
        }
        sql.append("i.due_date, i.number LIMIT 500");
        // Reads invoices only, which a caller writing receipts has flushed: the receipts it has not
        // yet written may wait (ReceiptIntake.recordAll writes a chunk's together).
        var query = em.createNativeQuery(sql.toString()).setFlushMode(FlushModeType.COMMIT);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(OpenInvoice::of).toList();
    }
}
