package org.quittance.portal.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import org.quittance.billing.entity.InvoiceState;
import org.quittance.billing.entity.PublishedInvoice;
import org.quittance.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
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
@TransactionAttribute(TransactionAttributeType.SUPPORTS)  // reads only: a portal page's reads need no transaction of their own (nor its commit)
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

    /** {@link #MATTERS_OF_LOGIN} in SQL, the login as parameter {@code ?1}: the same rule, for the native queries beside it. */
    static final String MATTERS_OF_LOGIN_SQL = """
            SELECT r.matter_id FROM matter_recipient r JOIN portal_user u ON u.id = r.portal_user_id
            WHERE u.email = ?1 AND u.state = '%s'""".formatted(org.quittance.portal.entity.PortalUserState.REGISTERED.name());

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

    /** How many a portal list shows at a time. */
    public static final int PAGE = 25;

    /**
     * The payable states written into the SQL rather than bound: PostgreSQL then plans the open
     * invoices once for every client by (matter, state), where with bound states its one plan read
     * every invoice of a client with hundreds paid (benchmarks/README.md). Enum names: nothing to inject.
     * {@code i.matterId = p.matterId} always holds (neither changes its matter): said here, it lets that
     * plan start from the matter's open invoices. Not in the other lists: there it made PostgreSQL find
     * each invoice among its matter's by a scan (Paid and Replaced 270,000 pages, 60-90 ms, against
     * some 2,800 by the invoice's key).
     */
    private static final String UNPAID = "i.matterId = p.matterId AND SQL('? IN (" + InvoiceState.PAYABLE.stream().map(s -> "''" + s.name() + "''").sorted()
            .collect(Collectors.joining(", ")) + ")', i.state) AND p.supersededBy IS NULL";
    private static final String PAID = "(i.state = org.quittance.billing.entity.InvoiceState.PAID OR p.invoiceId IN :awaiting)";
    private static final String REPLACED = "(p.supersededBy IS NOT NULL OR i.state = org.quittance.billing.entity.InvoiceState.VOID)";

    /**
     * The invoices the client still owes on its books, of one client ({@code null}: of all the login's
     * clients), oldest due first: the Open tab, the Balance Due box and the pay page. Some may be paid
     * already through the portal and waiting for the books ({@link Row#paid()}).
     */
    public List<Row> unpaid(@NotBlank String login, Long clientId) {
        return select(login, clientId, UNPAID, Map.of(), "p.dueDate, p.number", 0, Integer.MAX_VALUE);
    }

    /** These invoices, if the login sees them and they are unpaid. */
    public List<Row> unpaid(@NotBlank String login, Collection<Long> invoiceIds) {
        return select(login, null, UNPAID + " AND p.invoiceId IN :ids", Map.of("ids", invoiceIds),
                "p.dueDate, p.number", 0, Integer.MAX_VALUE);
    }

    /**
     * A page of the Paid or the Replaced tab, and whether an older page follows: read as one row more
     * than a page, where a count of the client's invoices (for "Page 2 of 21") read all of them at every
     * visit (benchmarks/README.md).
     */
    public record Page(List<Row> rows, boolean older) {

        static Page of(List<Row> read) {
            return read.size() > PAGE ? new Page(read.subList(0, PAGE), true) : new Page(read, false);
        }
    }

    /**
     * The Paid tab, newest first, a page at a time: paid on the books, and {@code awaiting}: those of
     * {@link #unpaid} that the portal's payments paid in full (the books follow when the firm accepts).
     */
    public Page paid(@NotBlank String login, Long clientId, Collection<Long> awaiting, int first) {
        return Page.of(select(login, clientId, PAID, awaiting(awaiting), "p.issueDate DESC, p.number DESC", first, PAGE + 1));
    }

    /** {@code IN :awaiting} needs at least one value: an id no invoice has stands for none. */
    private static Map<String, Object> awaiting(Collection<Long> awaiting) {
        return Map.of("awaiting", awaiting.isEmpty() ? List.of(-1L) : awaiting);
    }

    /** Invoices replaced by a corrected one, or withdrawn: still viewable, never payable; newest first, a page at a time. */
    public Page replaced(@NotBlank String login, Long clientId, int first) {
        return Page.of(select(login, clientId, REPLACED, Map.of(), "p.issueDate DESC, p.number DESC", first, PAGE + 1));
    }

    /**
     * Whether the Replaced tab holds anything: the tabs show it only then. {@link #REPLACED} in SQL, as
     * two lookups that stop at the first found (an index range of the client's matters, and their void
     * invoices by (matter, state)): a count read every invoice of the client at every visit of the home,
     * 0.72 against 0.19 ms for one with 550 (benchmarks/README.md).
     */
    public boolean anyReplaced(@NotBlank String login, Long clientId) {
        String ofClient = clientId == null ? "" : " AND p.client_id = ?2";
        var query = em.createNativeQuery("""
                WITH visible AS (%s)
                SELECT EXISTS (SELECT 1 FROM published_invoice p
                               WHERE p.matter_id IN (SELECT matter_id FROM visible) AND p.superseded_by IS NOT NULL%s)
                    OR EXISTS (SELECT 1 FROM invoice i JOIN published_invoice p ON p.invoice_id = i.id
                               WHERE i.matter_id IN (SELECT matter_id FROM visible) AND i.state = '%s'%s)"""
                        .formatted(MATTERS_OF_LOGIN_SQL, ofClient, InvoiceState.VOID.name(), ofClient))
                .setParameter(1, login.toLowerCase(Locale.ROOT));
        if (clientId != null) {
            query.setParameter(2, clientId);
        }
        return (Boolean) query.getSingleResult();
    }

    /** One invoice as the list shows it (the invoice page), if the login sees it. */
    public Optional<Row> row(@NotBlank String login, long invoiceId) {
        return select(login, null, "p.invoiceId = :id", Map.of("id", invoiceId), "p.number", 0, Integer.MAX_VALUE).stream().findFirst();  // one at most: an invoice is published once
    }

    private List<Row> select(String login, Long clientId, String condition, Map<String, Object> parameters, String order, int first, int max) {
        var query = em.createQuery("""
                        SELECT p.invoiceId, p.clientId, p.number, mt.number, p.issueDate, p.dueDate, i.total, i.balanceDue, i.currency, i.state, p.supersededBy
                        FROM PublishedInvoice p, Invoice i, Matter mt
                        WHERE i.id = p.invoiceId AND mt.id = p.matterId AND\s""" + where(clientId, condition) + " ORDER BY " + order, Object[].class)
                .setParameter("login", login.toLowerCase(Locale.ROOT));
        // Only a page sets its bounds: setting them makes EclipseLink write the query's SQL anew at each
        // call, where without them it reuses the SQL it made the first time (home's open list, every visit).
        if (first > 0) {
            query.setFirstResult(first);
        }
        if (max < Integer.MAX_VALUE) {
            query.setMaxResults(max);
        }
        bind(query, clientId, parameters);
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

    private static String where(Long clientId, String condition) {
        return (clientId == null ? "" : "p.clientId = :client AND ") + VISIBLE + " AND " + condition;
    }

    private static void bind(jakarta.persistence.TypedQuery<?> query, Long clientId, Map<String, Object> parameters) {
        if (clientId != null) {
            query.setParameter("client", clientId);
        }
        parameters.forEach(query::setParameter);
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
        String ids = idList(invoiceIds);
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
        String ids = idList(invoiceIds);
        @SuppressWarnings("unchecked")
        List<Number> paid = em.createNativeQuery("""
                SELECT DISTINCT a.invoice_id FROM receipt_allocation a JOIN receipt r ON r.id = a.receipt_id
                WHERE r.source <> 'PROCESSOR' AND r.state = 'ACCEPTED' AND a.invoice_id IN (""" + ids + ")").getResultList();
        return paid.stream().map(Number::longValue).collect(Collectors.toSet());
    }

    /** Ids for a native query's {@code IN (…)}, written into its text: Longs, so nothing to inject. */
    private static String idList(Collection<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    /** The Balance Due box: open balances per currency (a client billed in two currencies sees two). */
    public static Map<String, Money> balanceDue(List<Row> rows) {
        Map<String, Money> due = new TreeMap<>();
        rows.stream().filter(Row::open).forEach(r -> due.merge(r.balance().currency(), r.balance(), Money::plus));
        return due;
    }

    /** What Pay Now under the Balance Due box pays toward: the open invoices in that currency, as the box sums them. */
    public static List<Long> makingUpTheBalance(List<Row> rows, String currency) {
        return rows.stream().filter(Row::open).filter(r -> r.balance().currency().equals(currency)).map(Row::invoiceId).toList();
    }

    /** The invoice page: the invoice as the list shows it, and the immutable snapshot of its lines (without the PDF's bytes). */
    public record Shown(Row row, String snapshot) {
    }

    /** The invoice page's invoice, if this user may see it: one call, where the page needs both. */
    public Optional<Shown> shown(@NotBlank String login, long invoiceId) {
        return row(login, invoiceId).map(row -> new Shown(row, em.createQuery(
                        "SELECT p.snapshot FROM PublishedInvoice p WHERE p.invoiceId = :id", String.class)
                .setParameter("id", invoiceId).getSingleResult()));
    }

    /** The published version of an invoice, if this user may see it. */
    public Optional<PublishedInvoice> invoice(@NotBlank String login, long invoiceId) {
        return em.createQuery("SELECT p FROM PublishedInvoice p WHERE p.invoiceId = :id AND " + VISIBLE, PublishedInvoice.class)
                .setParameter("id", invoiceId)
                .setParameter("login", login.toLowerCase(Locale.ROOT))
                .getResultStream().findFirst();
    }
}
