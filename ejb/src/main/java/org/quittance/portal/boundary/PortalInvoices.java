package org.quittance.portal.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import org.quittance.billing.entity.InvoiceState;
import org.quittance.billing.entity.PublishedInvoice;
import org.quittance.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The published invoices a signed-in portal user may see: those of the matters it receives invoices
 * for, and nothing else. Every query takes the user's login, so an id guessed from another client
 * finds nothing.
 */
@Stateless
public class PortalInvoices {

    /**
     * One invoice as the client's list shows it.
     * @param received portal payments the processor confirmed that the firm's books do not show yet
     * @param balance  what is left to pay: the books' balance less {@code received}
     * @param paidOutsidePortal the firm's books hold a payment of it that did not come through the portal (a cheque, a wire)
     */
    public record Row(Long invoiceId, Long clientId, String number, String matter, LocalDate issueDate, LocalDate dueDate, Money total,
                      Money received, Money balance, InvoiceState state, boolean superseded, boolean paidOutsidePortal) {

        public boolean open() {
            return !superseded && state.isPayable() && balance.isPositive();
        }

        /** Paid on the books, or paid in full through the portal and waiting for the books. */
        public boolean paid() {
            return state == InvoiceState.PAID || (!superseded && state != InvoiceState.VOID && !balance.isPositive());
        }

        public boolean overdue() {
            return open() && dueDate.isBefore(LocalDate.now());
        }

        /**
         * The invoice's state in the client's words, the same on every portal page: a payment the
         * processor confirmed counts as paid at once (the balance already says so); the firm's own
         * acceptance later changes nothing the client needs to know.
         */
        public String status() {
            return switch (tone()) {
                case "replaced" -> superseded ? "Replaced by a corrected invoice" : "Withdrawn";
                case "paid" -> "Paid — thank you";
                case "overdue" -> "Overdue";
                case "part" -> "Part paid";
                default -> "Due";
            };
        }

        /** The status's kind, for its colour: replaced, paid, overdue, part or due. */
        public String tone() {
            if (superseded || state == InvoiceState.VOID) return "replaced";
            if (paid()) return "paid";
            if (overdue()) return "overdue";
            if (received.isPositive() || state == InvoiceState.PARTLY_PAID) return "part";
            return "due";
        }
    }

    /** JPQL: the matters whose invoices the user with parameter {@code :login} receives. The one home of portal visibility. */
    public static final String MATTERS_OF_LOGIN = """
            (SELECT m.id FROM Matter m JOIN m.recipients u
             WHERE u.email = :login AND u.state = org.quittance.portal.entity.PortalUserState.REGISTERED)""";

    private static final String VISIBLE = "p.matterId IN " + MATTERS_OF_LOGIN;

    @PersistenceContext
    EntityManager em;

    /** A client whose invoices a login may see: one, or several for a person who acts for more than one. */
    public record Account(Long clientId, String name) {
    }

    /** The clients this login serves, by name: the portal's account chooser. */
    public List<Account> accounts(@NotBlank String login) {
        return em.createQuery("""
                        SELECT new org.quittance.portal.boundary.PortalInvoices.Account(c.client.id, c.client.name)
                        FROM Contact c WHERE c.portalUser.email = :login
                        AND c.portalUser.state = org.quittance.portal.entity.PortalUserState.REGISTERED
                        ORDER BY c.client.name""", Account.class)
                .setParameter("login", login.toLowerCase(Locale.ROOT))
                .getResultList();
    }

    /** Every invoice the login sees, of all its clients. */
    public List<Row> rows(@NotBlank String login) {
        return rows(login, null);
    }

    /** The invoices the login sees of one client ({@code null}: of all its clients). */
    public List<Row> rows(@NotBlank String login, Long clientId) {
        var query = em.createQuery("""
                        SELECT p.invoiceId, p.clientId, p.number, mt.number, p.issueDate, p.dueDate, i.total, i.balanceDue, i.currency, i.state, p.supersededBy
                        FROM PublishedInvoice p, Invoice i, Matter mt
                        WHERE i.id = p.invoiceId AND mt.id = p.matterId AND\s""" + (clientId == null ? "" : "p.clientId = :client AND ") + VISIBLE
                        + " ORDER BY p.dueDate, p.number", Object[].class)
                .setParameter("login", login.toLowerCase(Locale.ROOT));
        if (clientId != null) {
            query.setParameter("client", clientId);
        }
        List<Object[]> found = query.getResultList();
        List<Long> ids = found.stream().map(r -> (Long) r[0]).toList();
        Map<Long, BigDecimal> received = received(ids);
        Set<Long> outside = paidOutsidePortal(ids);
        return found.stream().map(r -> {
            String currency = (String) r[8];
            Money receivedHere = Money.of(received.getOrDefault((Long) r[0], BigDecimal.ZERO), currency);
            Money books = Money.of((BigDecimal) r[7], currency);
            Money left = books.minus(receivedHere);
            return new Row((Long) r[0], (Long) r[1], (String) r[2], (String) r[3], (LocalDate) r[4], (LocalDate) r[5],
                    Money.of((BigDecimal) r[6], currency), receivedHere, left.isNegative() ? Money.zero(currency) : left,
                    (InvoiceState) r[9], r[10] != null, outside.contains((Long) r[0]));
        }).toList();
    }

    /**
     * Per invoice, what the firm holds of the portal payments the processor confirmed and the firm has
     * not yet decided on: the balance moves when the notification is recorded, not on the browser's
     * word; once the receipt is accepted the books' balance says it. What was refunded, or withdrawn
     * by a dispute, is not held: it comes off the payment's last invoices first.
     */
    private Map<Long, BigDecimal> received(List<Long> invoiceIds) {
        Map<Long, BigDecimal> received = new java.util.HashMap<>();
        if (invoiceIds.isEmpty()) {
            return received;
        }
        String ids = String.join(",", invoiceIds.stream().map(String::valueOf).toList());  // Longs: nothing to inject
        @SuppressWarnings("unchecked")
        List<Object[]> allocations = em.createNativeQuery("""
                SELECT p.id, a.invoice_id, a.amount FROM portal_checkout_allocation a
                JOIN processor_payment p ON p.checkout_id = a.checkout_id
                WHERE p.succeeded AND a.checkout_id IN (SELECT checkout_id FROM portal_checkout_allocation WHERE invoice_id IN (""" + ids + """
                ))
                  AND NOT EXISTS (SELECT 1 FROM receipt r WHERE r.source = 'PROCESSOR'
                                  AND r.payment_reference = COALESCE(p.payment_intent, p.charge) AND r.state <> 'AWAITING_ACCEPTANCE')
                ORDER BY p.id, a.invoice_id""")
                .getResultList();
        if (allocations.isEmpty()) {
            return received;
        }
        Map<Long, BigDecimal> held = new java.util.HashMap<>();
        em.createQuery("SELECT p FROM ProcessorPayment p WHERE p.id IN :ids", org.quittance.payments.entity.ProcessorPayment.class)
                .setParameter("ids", allocations.stream().map(r -> ((Number) r[0]).longValue()).distinct().toList())
                .getResultList()
                .forEach(p -> held.put(p.id(), p.retained() == null ? BigDecimal.ZERO : p.retained().amount()));
        for (Object[] a : allocations) {
            long payment = ((Number) a[0]).longValue();
            BigDecimal left = held.getOrDefault(payment, BigDecimal.ZERO);
            BigDecimal placed = left.min((BigDecimal) a[2]);
            held.put(payment, left.subtract(placed));
            received.merge(((Number) a[1]).longValue(), placed, BigDecimal::add);
        }
        return received;
    }

    /** The invoices that accepted receipts from outside the portal (manual entries, bank files) pay. */
    private Set<Long> paidOutsidePortal(List<Long> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return Set.of();
        }
        String ids = String.join(",", invoiceIds.stream().map(String::valueOf).toList());  // Longs: nothing to inject
        @SuppressWarnings("unchecked")
        List<Number> paid = em.createNativeQuery("""
                SELECT DISTINCT a.invoice_id FROM receipt_allocation a JOIN receipt r ON r.id = a.receipt_id
                WHERE r.source <> 'PROCESSOR' AND r.state = 'ACCEPTED' AND a.invoice_id IN (""" + ids + ")").getResultList();
        return paid.stream().map(Number::longValue).collect(Collectors.toSet());
    }

    /** The Balance Due box: open balances per currency (a client billed in two currencies sees two). */
    public static Map<String, Money> balanceDue(List<Row> rows) {
        Map<String, Money> due = new TreeMap<>();
        rows.stream().filter(Row::open).forEach(r -> due.merge(r.balance().currency(), r.balance(), Money::plus));
        return due;
    }

    /** The published version of an invoice, if this user may see it. */
    public Optional<PublishedInvoice> invoice(@NotBlank String login, long invoiceId) {
        return em.createQuery("SELECT p FROM PublishedInvoice p WHERE p.invoiceId = :id AND " + VISIBLE, PublishedInvoice.class)
                .setParameter("id", invoiceId)
                .setParameter("login", login.toLowerCase(Locale.ROOT))
                .getResultStream().findFirst();
    }
}
