package org.quittance.ledger.boundary;

import org.quittance.billing.entity.InvoiceState;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import org.quittance.ledger.control.AgeBand;
import org.quittance.ledger.control.AgingSnapshots;
import org.quittance.money.Money;
import org.quittance.platform.control.SqlValues;
import org.quittance.security.entity.Roles;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accounts receivable aged by client: what each client owes on open invoices, by the invoices' age
 * (the {@link AgeBand}s: days since the invoice date), and its unapplied credit.
 */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
public class Receivables {

    /** One client's receivables in one currency. */
    public record Aged(Long clientId, String client, Money current, Money days31to60, Money days61to90, Money over90, Money credit) implements java.io.Serializable {

        public Money total() {
            return current.plus(days31to60).plus(days61to90).plus(over90);
        }

        /** What the client owes once its credit is used. */
        public Money net() {
            return total().minus(credit);
        }

        public String currency() {
            return current.currency();
        }
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    AgingSnapshots snapshots;

    /**
     * Clients that owe something or hold credit, by name; one row per client and currency. Computed
     * once for every caller while the books are unchanged (see {@link AgingSnapshots}).
     */
    public List<Aged> aging(@NotNull LocalDate asOf) {
        long booksVersion = ((Number) em.createNativeQuery("SELECT COALESCE(max(id), 0) FROM ledger_entry").getSingleResult()).longValue();
        return snapshots.aging(asOf, booksVersion, () -> computeAging(asOf));
    }

    private List<Aged> computeAging(LocalDate asOf) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        WITH open_invoice AS (
                            SELECT m.client_id, i.currency, i.balance_due, CAST(? AS date) - i.issue_date AS age
                            FROM invoice i JOIN matter m ON m.id = i.matter_id
                            WHERE i.state IN (""" + InvoiceState.PAYABLE_SQL + """
                            ) AND i.balance_due > 0),
                        aged AS (
                            SELECT client_id, currency,
                                   """ + AgeBand.CURRENT.sum("age", "balance_due") + """
                                    AS current_,
                                   """ + AgeBand.DAYS_31_60.sum("age", "balance_due") + """
                                    AS d60,
                                   """ + AgeBand.DAYS_61_90.sum("age", "balance_due") + """
                                    AS d90,
                                   """ + AgeBand.OVER_90.sum("age", "balance_due") + """
                                    AS over90
                            FROM open_invoice GROUP BY client_id, currency),
                        credit AS (
                            SELECT client_id, currency, -SUM(amount) AS credit FROM ledger_entry
                            WHERE matter_id IS NULL GROUP BY client_id, currency HAVING SUM(amount) <> 0)
                        SELECT c.id, c.name, COALESCE(a.currency, k.currency), COALESCE(a.current_, 0), COALESCE(a.d60, 0),
                               COALESCE(a.d90, 0), COALESCE(a.over90, 0), COALESCE(k.credit, 0)
                        FROM aged a FULL JOIN credit k ON k.client_id = a.client_id AND k.currency = a.currency
                        JOIN client c ON c.id = COALESCE(a.client_id, k.client_id)
                        ORDER BY c.name, 3""")
                .setParameter(1, asOf).getResultList();
        List<Aged> aged = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            String currency = ((String) r[2]).trim();
            aged.add(new Aged(((Number) r[0]).longValue(), (String) r[1], SqlValues.money(r[3], currency), SqlValues.money(r[4], currency),
                    SqlValues.money(r[5], currency), SqlValues.money(r[6], currency), SqlValues.money(r[7], currency)));
        }
        return aged;
    }

    /** The totals of the aging per currency: one row each, without a client. */
    public static List<Aged> totals(List<Aged> aging) {
        Map<String, Aged> totals = new LinkedHashMap<>();
        aging.forEach(a -> totals.merge(a.currency(), new Aged(null, "Total " + a.currency(), a.current(), a.days31to60(), a.days61to90(),
                a.over90(), a.credit()), (x, y) -> new Aged(null, x.client(), x.current().plus(y.current()), x.days31to60().plus(y.days31to60()),
                x.days61to90().plus(y.days61to90()), x.over90().plus(y.over90()), x.credit().plus(y.credit()))));
        return List.copyOf(totals.values());
    }
}
