package org.quittance.payments.boundary;

import org.quittance.billing.control.OpenInvoice;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import org.quittance.clients.entity.Client;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.firm.entity.Firm;
import org.quittance.money.Money;
import org.quittance.payments.control.AddressPrefill;
import org.quittance.payments.control.PaymentAmounts;
import org.quittance.payments.control.PaymentProcessors;
import org.quittance.payments.control.ReceiptPdf;
import org.quittance.payments.entity.BillingAddress;
import org.quittance.payments.entity.CheckoutState;
import org.quittance.payments.entity.PaymentState;
import org.quittance.payments.entity.PortalCheckout;
import org.quittance.payments.entity.ProcessorPayment;
import org.quittance.payments.processor.CheckoutRequest;
import org.quittance.payments.processor.HostedCheckout;
import org.quittance.payments.processor.PaymentProcessor;
import org.quittance.payments.processor.ProcessorUnavailable;
import org.quittance.platform.control.AdvisoryLock;
import org.quittance.platform.control.Amounts;
import org.quittance.platform.control.PublicLinks;
import org.quittance.platform.control.RuleViolation;
import org.quittance.portal.boundary.PortalInvoices;
import org.quittance.portal.entity.PortalUser;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pay Now in the portal: which invoices the signed-in client may pay and how much, the hosted
 * checkout at the processor, and what became of each payment. Every question is asked with the
 * user's login, so another client's invoice or payment is simply not found.
 */
@Stateless
public class PortalPayments {

    private static final Logger LOG = Logger.getLogger(PortalPayments.class.getName());

    /** What the pay page offers: the open invoices chosen, the firm's rules and a billing address to start from. */
    public record Payable(List<OpenInvoice> invoices, PaymentAmounts.Policy policy, String clientName, BillingAddress prefill) {

        public Money total() {
            return invoices.stream().map(OpenInvoice::balance).reduce(Money::plus).orElseThrow();
        }
    }

    /**
     * One payment as the client sees it: on the confirmation page, in the history, on the receipt.
     * @param settled the processor has told us how it ended: taken, or refused on a checkout that is
     *                closed (a refused card on an open checkout may still be followed by another card)
     */
    public record Payment(String reference, OffsetDateTime startedAt, Money amount, Map<String, Money> invoices, String status,
                          boolean settled, boolean succeeded, String card, String failureReason, String processorReference,
                          String payer, Money held, boolean bankDebit) {

        public boolean failed() {
            return settled && !succeeded;
        }

        /** Refunded, or withdrawn by the card's bank in a dispute: the firm holds less than was paid. */
        public boolean takenBack() {
            return succeeded && held != null && held.compareTo(amount) < 0;
        }
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    PortalInvoices portalInvoices;

    @EJB
    FirmSettings firmSettings;

    @EJB
    PaymentProcessors processors;

    /**
     * The chosen invoices, if this user may pay them: visible, open, of one client and one currency.
     * @return empty when any of them is not this user's to pay (the page answers 404)
     */
    public Optional<Payable> payable(@NotBlank String login, Collection<Long> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return Optional.empty();
        }
        if (invoiceIds.size() > 500) {
            throw new RuleViolation("Pay at most 500 invoices at a time.");
        }
        List<PortalInvoices.Row> rows = portalInvoices.unpaid(login, invoiceIds).stream().filter(PortalInvoices.Row::open).toList();
        if (rows.size() != invoiceIds.size()) {
            return Optional.empty();
        }
        if (rows.stream().map(PortalInvoices.Row::clientId).distinct().count() > 1
                || rows.stream().map(r -> r.balance().currency()).distinct().count() > 1) {
            throw new RuleViolation("Invoices of different accounts or currencies are paid separately: choose invoices of one account in one currency.");
        }
        Firm firm = firmSettings.firm();
        String currency = rows.get(0).balance().currency();
        Money minimum = firm.minimumPayment() == null ? null : Amounts.exact(firm.minimumPayment(), currency, "Minimum part payment");
        PaymentAmounts.Policy policy = new PaymentAmounts.Policy(firm.partialPayments(), minimum);
        List<OpenInvoice> open = rows.stream()
                .map(r -> new OpenInvoice(r.invoiceId(), r.number(), r.clientId(), null, r.dueDate(), r.balance())).toList();
        Client client = em.find(Client.class, rows.get(0).clientId());
        return Optional.of(new Payable(open, policy, client.name(), prefill(login, client)));
    }

    /**
     * Opens the processor's hosted checkout for these amounts. The key comes from the pay form: a
     * double click, or a retry after a timeout, finds the checkout the first one made.
     * @return the processor page to send the client to
     */
    public String startCheckout(@NotBlank String login, @NotBlank String idempotencyKey, Map<Long, BigDecimal> amounts, BillingAddress address) {
        PortalUser user = user(login);
        // Serialises a double submit: the second waits, then finds the first's checkout.
        AdvisoryLock.hold(em, "portal-checkout", idempotencyKey);
        Optional<PortalCheckout> earlier = em.createQuery("SELECT c FROM PortalCheckout c WHERE c.idempotencyKey = :k", PortalCheckout.class)
                .setParameter("k", idempotencyKey).getResultStream().findFirst();
        if (earlier.isPresent() && earlier.get().portalUserId().equals(user.id()) && earlier.get().checkoutUrl() != null) {
            return earlier.get().checkoutUrl();
        }
        Payable payable = payable(login, amounts.keySet())
                .orElseThrow(() -> new RuleViolation("One of these invoices is no longer open for payment. Go back to your invoices."));
        Map<OpenInvoice, Money> chosen = new LinkedHashMap<>();
        for (OpenInvoice invoice : payable.invoices()) {
            BigDecimal typed = amounts.get(invoice.invoiceId());
            if (typed == null) {
                throw new RuleViolation("Enter an amount for invoice " + invoice.number() + ".");
            }
            chosen.put(invoice, Amounts.exact(typed, invoice.balance().currency(), "Amount for invoice " + invoice.number()));
        }
        chosen.entrySet().removeIf(e -> e.getValue().isZero() && chosen.size() > 1);
        List<String> refusals = PaymentAmounts.refusals(chosen, payable.policy(), firmSettings.formats());
        if (!refusals.isEmpty()) {
            throw new RuleViolation(String.join(" ", refusals));
        }
        check(address);
        PaymentProcessor processor = processors.require();
        Map<Long, Money> allocation = new LinkedHashMap<>();
        chosen.forEach((invoice, amount) -> allocation.put(invoice.invoiceId(), amount));
        OffsetDateTime now = OffsetDateTime.now();
        PortalCheckout checkout = new PortalCheckout("chk_" + UUID.randomUUID().toString().replace("-", ""), idempotencyKey,
                user.id(), clientOf(payable), allocation, address, processor.name(), now);
        em.persist(checkout);
        em.flush();

        List<CheckoutRequest.Line> lines = new ArrayList<>();
        chosen.forEach((invoice, amount) -> lines.add(new CheckoutRequest.Line(invoice.invoiceId(), invoice.number(), amount)));
        Firm firm = firmSettings.firm();
        CheckoutRequest request = new CheckoutRequest(checkout.reference(), idempotencyKey, firm.name(), lines,
                new CheckoutRequest.Customer(address.name(), user.email(), address.line1(), address.line2(), address.city(),
                        address.postcode(), address.country()),
                PublicLinks.portal("paid.xhtml?checkout=" + checkout.reference()),
                PublicLinks.portal("pay.xhtml?invoices=" + allocation.keySet().stream().map(String::valueOf).collect(Collectors.joining(","))),
                firm.offersBankDebit(lines.get(0).amount().currency()));
        try {
            HostedCheckout hosted = processor.createCheckout(request);
            checkout.opened(hosted.sessionId(), hosted.url(), now);
            return hosted.url();
        } catch (ProcessorUnavailable e) {
            LOG.log(Level.WARNING, "Checkout " + checkout.reference() + " could not be opened at the processor", e);
            throw new RuleViolation("Card payments are not available at the moment, and nothing was charged. Please try again in a few minutes.");
        }
    }

    public Optional<Payment> payment(@NotBlank String login, @NotBlank String reference) {
        return views(em.createQuery("SELECT c FROM PortalCheckout c WHERE c.reference = :r AND " + VISIBLE, PortalCheckout.class)
                .setParameter("r", reference).setParameter("login", login.toLowerCase(Locale.ROOT))
                .getResultList()).stream().findFirst();
    }

    /** The client's portal payments, newest first; checkouts left unpaid are not payments and are not listed. */
    public List<Payment> history(@NotBlank String login) {
        return history(login, null);
    }

    /** The payments of one of the login's clients ({@code null}: of all of them). */
    public List<Payment> history(@NotBlank String login, Long clientId) {
        var query = em.createQuery("SELECT c FROM PortalCheckout c WHERE " + (clientId == null ? "" : "c.clientId = :client AND ") + VISIBLE
                        + " AND EXISTS (SELECT p FROM ProcessorPayment p WHERE p.checkoutId = c.id) ORDER BY c.createdAt DESC", PortalCheckout.class)
                .setParameter("login", login.toLowerCase(Locale.ROOT));
        if (clientId != null) {
            query.setParameter("client", clientId);
        }
        return views(query.getResultList());
    }

    /** The receipt of a payment the processor confirmed, if this user may see it. */
    public Optional<byte[]> receipt(@NotBlank String login, @NotBlank String reference) {
        return payment(login, reference).filter(Payment::succeeded).map(p -> {
            PortalCheckout checkout = em.createQuery("SELECT c FROM PortalCheckout c WHERE c.reference = :r", PortalCheckout.class)
                    .setParameter("r", reference).getSingleResult();
            Firm firm = firmSettings.firm();
            OffsetDateTime paidAt = em.createQuery("SELECT p.updatedAt FROM ProcessorPayment p WHERE p.checkoutId = :c", OffsetDateTime.class)
                    .setParameter("c", checkout.id()).setMaxResults(1).getResultStream().findFirst().orElse(p.startedAt());
            return ReceiptPdf.render(new ReceiptPdf.Receipt(firm.name(), firm.address(), em.find(Client.class, checkout.clientId()).name(),
                    p.payer(), p.reference(), p.processorReference(), paidAt, p.amount(), p.card(), p.invoices(),
                    p.takenBack() ? p.held() : null, p.status()), firm.formats());
        });
    }

    /** Payments on one invoice, for its page. */
    public List<Payment> ofInvoice(@NotBlank String login, long invoiceId) {
        return views(em.createQuery("SELECT c FROM PortalCheckout c JOIN c.allocations a WHERE KEY(a) = :invoice AND " + VISIBLE
                        + " AND EXISTS (SELECT p FROM ProcessorPayment p WHERE p.checkoutId = c.id) ORDER BY c.createdAt DESC", PortalCheckout.class)
                .setParameter("invoice", invoiceId).setParameter("login", login.toLowerCase(Locale.ROOT))
                .getResultList());
    }

    /**
     * A checkout is the user's to see when every invoice it paid is one the user sees: two users of
     * one client who receive different matters do not see each other's payments.
     */
    private static final String VISIBLE = """
            c.clientId IN (SELECT m.client.id FROM Matter m WHERE m.id IN %s)
            AND NOT EXISTS (SELECT p.id FROM PortalCheckout c2 JOIN c2.allocations a, PublishedInvoice p
                            WHERE c2 = c AND p.invoiceId = KEY(a) AND p.matterId NOT IN %s)"""
            .formatted(PortalInvoices.MATTERS_OF_LOGIN, PortalInvoices.MATTERS_OF_LOGIN);

    /** The checkouts as payments, with three queries whatever their number: checkouts, their latest payments, invoice numbers. */
    private List<Payment> views(List<PortalCheckout> checkouts) {
        if (checkouts.isEmpty()) {
            return List.of();
        }
        Map<Long, ProcessorPayment> latest = new HashMap<>();
        em.createQuery("SELECT p FROM ProcessorPayment p WHERE p.checkoutId IN :c ORDER BY p.id", ProcessorPayment.class)
                .setParameter("c", checkouts.stream().map(PortalCheckout::id).toList())
                .getResultList().forEach(p -> latest.put(p.checkoutId(), p));
        Map<Long, String> numbers = new HashMap<>();
        List<Long> invoiceIds = checkouts.stream().flatMap(c -> c.allocations().keySet().stream()).distinct().toList();
        em.createQuery("SELECT p.invoiceId, p.number FROM PublishedInvoice p WHERE p.invoiceId IN :ids ORDER BY p.id DESC", Object[].class)
                .setParameter("ids", invoiceIds).getResultList()
                .forEach(row -> numbers.put((Long) row[0], (String) row[1]));
        return checkouts.stream().map(c -> view(c, latest.get(c.id()), numbers)).toList();
    }

    private static Payment view(PortalCheckout checkout, ProcessorPayment payment, Map<Long, String> numbers) {
        Map<String, Money> invoices = new LinkedHashMap<>();
        checkout.allocations().forEach((invoiceId, amount) -> invoices.put(numbers.getOrDefault(invoiceId, "#" + invoiceId), amount));
        PaymentState state = payment == null ? null : payment.state();
        boolean bankDebit = payment != null && payment.bankDebit().isPresent();
        String status = status(checkout, state, bankDebit);
        String card = payment == null ? null : payment.cardLabel();
        boolean succeeded = state != null && state != PaymentState.PENDING && state != PaymentState.FAILED;
        // A refused card may be tried again on the same page; a failed bank debit is final (its page is complete).
        boolean settled = succeeded || (state == PaymentState.FAILED && (checkout.state() != CheckoutState.OPEN || bankDebit));
        return new Payment(checkout.reference(), checkout.createdAt(), checkout.amount(), invoices, status, settled, succeeded,
                card, payment == null ? null : payment.failureReason(),
                payment == null ? checkout.sessionId() : payment.paymentIntent(), checkout.billingAddress().name(),
                payment == null ? null : payment.retained(), bankDebit);
    }

    private static String status(PortalCheckout checkout, PaymentState state, boolean bankDebit) {
        if (state == null) {
            return checkout.state() == CheckoutState.EXPIRED ? "Not completed" : "Waiting for the card payment";
        }
        return switch (state) {
            case PENDING -> bankDebit ? "Processing — bank debits take a few working days" : "Processing";
            case SUCCEEDED -> "Paid — thank you";
            case FAILED -> "Failed";
            case PARTLY_REFUNDED -> "Partly refunded";
            case REFUNDED -> "Refunded";
            case DISPUTED -> bankDebit ? "Returned by your bank" : "Under dispute";
            case DISPUTE_WON -> "Paid — thank you (dispute closed)";
            case DISPUTE_LOST -> bankDebit ? "Returned by your bank" : "Reversed after a dispute";
        };
    }

    private Long clientOf(Payable payable) {
        return em.createQuery("SELECT p.clientId FROM PublishedInvoice p WHERE p.invoiceId = :id", Long.class)
                .setParameter("id", payable.invoices().get(0).invoiceId()).setMaxResults(1).getSingleResult();
    }

    private PortalUser user(String login) {
        return em.createQuery("SELECT u FROM PortalUser u WHERE u.email = :e", PortalUser.class)
                .setParameter("e", login.toLowerCase(Locale.ROOT)).getResultStream().findFirst()
                .orElseThrow(() -> new RuleViolation("Sign in again."));
    }

    /** The client's address on file, split into fields as well as free text allows: the client checks it. */
    private BillingAddress prefill(String login, Client client) {
        String name = em.createQuery("SELECT c.name FROM Contact c WHERE c.portalUser.email = :e AND c.client = :client", String.class)
                .setParameter("e", login.toLowerCase(Locale.ROOT)).setParameter("client", client)
                .getResultStream().findFirst().orElse("");
        return AddressPrefill.of(name, client.address(), "GB");
    }

    private static void check(BillingAddress a) {
        List<String> missing = new ArrayList<>();
        if (blank(a.name())) missing.add("name");
        if (blank(a.line1())) missing.add("address");
        if (blank(a.city())) missing.add("town or city");
        if (blank(a.postcode())) missing.add("postcode");
        if (!missing.isEmpty()) {
            throw new RuleViolation("Billing address: enter the " + String.join(", ", missing) + ".");
        }
        if (a.country() == null || !a.country().matches("[A-Z]{2}")) {
            throw new RuleViolation("Billing address: choose a country.");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
