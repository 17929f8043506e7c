package org.quittance.ledger.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.ledger.entity.EntryKind;
import org.quittance.ledger.entity.LedgerAccount;
import org.quittance.ledger.entity.LedgerEntry;
import org.quittance.money.Money;
import org.quittance.platform.control.SqlValues;
import org.quittance.security.entity.Roles;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The client and matter ledgers. Entries are only ever added; the balance of a client is the sum of
 * its entries, which equals its open invoices' balances less its unapplied credit.
 */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
public class Ledgers {

    @PersistenceContext
    EntityManager em;

    /** An entry on an invoice's matter (and so on its client's ledger). */
    @PermitAll  // posted by the rules of billing, receipts and adjustments, also when a message or a timer runs them
    public LedgerEntry postOnInvoice(LedgerAccount invoice, Long receiptId, EntryKind kind, String description, Money amount, String by,
                                     OffsetDateTime at) {
        return post(new LedgerEntry(invoice.clientId(), invoice.matterId(), invoice.invoiceId(), receiptId, kind, description,
                amount, by, at));
    }

    /** An entry of the client's own, without a matter: unapplied credit and what becomes of it. */
    @PermitAll
    public LedgerEntry postOnClient(Long clientId, Long receiptId, EntryKind kind, String description, Money amount, String by,
                                    OffsetDateTime at) {
        return post(new LedgerEntry(clientId, null, null, receiptId, kind, description, amount, by, at));
    }

    private LedgerEntry post(LedgerEntry entry) {
        em.persist(entry);
        return entry;
    }

    /** One line of a ledger as printed: the entry and the balance after it. */
    public record Line(OffsetDateTime at, EntryKind kind, String description, String invoice, Money amount, Money balance,
                       String by) implements java.io.Serializable {
    }

    /** A client's ledger, oldest first, with its running balance per currency. */
    public List<Line> ofClient(long clientId) {
        return lines("e.client_id = ?", clientId);
    }

    public List<Line> ofMatter(long matterId) {
        return lines("e.matter_id = ?", matterId);
    }

    /** What the client owes per currency: positive is owed, negative is credit in its favour. */
    public Map<String, Money> balance(long clientId) {
        return sums("SELECT currency, SUM(amount) FROM ledger_entry WHERE client_id = ? GROUP BY currency", clientId);
    }

    /** The client's unapplied credit per currency (a positive amount in the client's favour). */
    @PermitAll
    public Map<String, Money> unappliedCredit(long clientId) {
        Map<String, Money> credit = new TreeMap<>();
        sums("SELECT currency, SUM(amount) FROM ledger_entry WHERE client_id = ? AND matter_id IS NULL GROUP BY currency", clientId)
                .forEach((currency, sum) -> credit.put(currency, sum.negate()));
        return credit;
    }

    private Map<String, Money> sums(String sql, long clientId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, clientId).getResultList();
        Map<String, Money> sums = new TreeMap<>();
        rows.forEach(r -> sums.put(((String) r[0]).trim(), Money.of((BigDecimal) r[1], ((String) r[0]).trim())));
        return sums;
    }

    private List<Line> lines(String where, long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT e.posted_at, e.kind, e.description, i.number, e.currency, e.amount, e.posted_by
                        FROM ledger_entry e LEFT JOIN invoice i ON i.id = e.invoice_id
                        WHERE\s""" + where + " ORDER BY e.posted_at, e.id")
                .setParameter(1, id).getResultList();
        Map<String, Money> running = new TreeMap<>();
        List<Line> lines = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            String currency = ((String) r[4]).trim();
            Money amount = Money.of((BigDecimal) r[5], currency);
            Money balance = running.merge(currency, amount, Money::plus);
            lines.add(new Line(SqlValues.timestamp(r[0]), EntryKind.valueOf((String) r[1]), (String) r[2],
                    (String) r[3], amount, balance, (String) r[6]));
        }
        return lines;
    }
}
