package org.quittance.payments.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.firm.entity.Firm;
import org.quittance.mail.boundary.Mailer;
import org.quittance.payments.control.PaymentEvent;
import org.quittance.payments.control.StripeEvent;
import org.quittance.payments.entity.CheckoutState;
import org.quittance.payments.entity.PaymentState;
import org.quittance.payments.entity.PortalCheckout;
import org.quittance.payments.entity.ProcessorPayment;
import org.quittance.payments.processor.StripeProcessor;
import org.quittance.platform.control.AdvisoryLock;
import org.quittance.platform.control.SqlValues;
import org.quittance.receipts.boundary.ReceiptIntake;
import org.quittance.security.control.Roles;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Turns a stored notification into its effect on a processor payment, in the PaymentNotifications
 * consumer's transaction. Each notification changes a payment at most once (the change record's
 * key); an event that concerns no payment is marked ignored with the reason, never an error. The
 * firm's portal administrator is told by e-mail when a payment succeeds, fails or is disputed.
 */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
public class ProcessorPayments {

    private static final Logger LOG = Logger.getLogger(ProcessorPayments.class.getName());

    /** The outcome of a notification that contradicts what is known: recorded at once, never retried. */
    public static final String CONFLICT = "CONFLICT";

    private static final Set<PaymentState> NOTICE_STATES = EnumSet.of(PaymentState.SUCCEEDED, PaymentState.FAILED, PaymentState.DISPUTED,
            PaymentState.DISPUTE_WON, PaymentState.DISPUTE_LOST);

    @PersistenceContext
    EntityManager em;

    @EJB
    FirmSettings firmSettings;

    @EJB
    Mailer mailer;

    @EJB
    ReceiptIntake receipts;

    @PermitAll  // the payment-notification consumer's work: applies a notification already verified and kept
    public void apply(long notificationId) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT payload, outcome FROM payment_notification WHERE id = ? FOR UPDATE")
                .setParameter(1, notificationId).getSingleResult();
        if (!"RECEIVED".equals(row[1])) {
            return;  // already applied or ignored
        }
        StripeEvent event;
        try {
            event = StripeEvent.parse((byte[]) row[0]);
        } catch (RuntimeException e) {
            // Signed, but not an event we can read (or an amount beyond any invoice): recorded, not retried.
            outcome(notificationId, CONFLICT, "The event cannot be read: " + e.getMessage());
            return;
        }
        if (event.meaning().isEmpty()) {
            outcome(notificationId, "IGNORED", event.ignoredBecause());
            return;
        }
        // Two events of one payment (a charge and its payment intent) arrive together: the second
        // waits here and finds the first's payment instead of failing on the unique key.
        String paymentKey = event.paymentIntent() != null ? event.paymentIntent() : event.charge();
        if (paymentKey != null) {
            AdvisoryLock.hold(em, "processor-payment", paymentKey);
        }
        OffsetDateTime now = OffsetDateTime.now();
        Optional<ProcessorPayment> known = find(event);
        Optional<String> conflict = conflict(event, known);
        if (conflict.isPresent()) {
            outcome(notificationId, CONFLICT, conflict.get());
            LOG.warning(() -> "Stripe " + event.type() + " " + event.id() + " conflicts with the books: " + conflict.get());
            return;
        }
        ProcessorPayment payment = known.orElseGet(() -> {
            ProcessorPayment created = new ProcessorPayment(WebhookInbox.STRIPE, event.paymentIntent(), event.charge(), now);
            em.persist(created);
            return created;
        });
        PaymentState before = payment.state();  // PENDING for a payment first seen now
        PaymentState after = payment.apply(event.paymentIntent(), event.charge(), event.amount(),
                event.metadata().isEmpty() ? null : event.metadata().toString(), event.meaning().get(), now);
        Long checkoutId = checkoutOf(event.metadata().get(StripeProcessor.CHECKOUT_KEY));
        payment.learn(checkoutId, event.cardBrand(), event.cardLast4(), event.meaning().get() instanceof PaymentEvent.Succeeded);
        if (checkoutId != null && payment.succeeded()) {
            em.find(PortalCheckout.class, checkoutId).settle(CheckoutState.PAID, now);
        }
        if (payment.succeeded() && payment.amount() != null) {
            recordReceipt(payment, now);
            receipts.moneyReturned(reference(payment), payment.refunded(), payment.chargedBack(), "payment notification");
        }
        em.flush();
        em.createNativeQuery("""
                        INSERT INTO processor_payment_change (payment_id, notification_id, state_after, changed_at)
                        VALUES (?, ?, ?, now()) ON CONFLICT DO NOTHING""")
                .setParameter(1, payment.id()).setParameter(2, notificationId).setParameter(3, after.name())
                .executeUpdate();
        outcome(notificationId, "APPLIED", null);
        if (before != after && NOTICE_STATES.contains(after)) {
            tellPortalAdministrator(payment, after);
        }
        LOG.fine(() -> "Stripe " + event.type() + " " + event.id() + " → payment " + payment.id() + " " + after);
    }

    /** A confirmed payment is an integrated receipt from now on (once: the intake knows it by its reference). */
    private void recordReceipt(ProcessorPayment payment, OffsetDateTime now) {
        String checkout = payment.checkoutId() == null ? null : em.find(PortalCheckout.class, payment.checkoutId()).reference();
        String reference = reference(payment);
        receipts.record(new ReceiptIntake.ProcessorFacts(reference, payment.charge(), null, payment.amount(), null, null, null, now,
                checkout, null), "payment notification");
    }

    private static String reference(ProcessorPayment payment) {
        return payment.paymentIntent() != null ? payment.paymentIntent() : payment.charge();
    }

    /** The firm's portal administrator hears of successes, failures and disputes, once per payment and state. */
    private void tellPortalAdministrator(ProcessorPayment payment, PaymentState state) {
        Firm firm = firmSettings.firm();
        if (firm.portalAdminEmail() == null) {
            LOG.warning(() -> "No portal administrator e-mail is set: payment " + payment.id() + " is " + state.label());
            return;
        }
        String amount = payment.amount() == null ? "a payment" : firm.formats().money(payment.amount());
        String reference = payment.paymentIntent() != null ? payment.paymentIntent() : payment.charge();
        StringBuilder body = new StringBuilder()
                .append("A client portal payment is now ").append(state.label().toLowerCase()).append(".\n\n")
                .append("Amount:     ").append(amount).append("\n")
                .append("Processor:  ").append(payment.processor()).append(", reference ").append(reference).append("\n");
        if (state == PaymentState.FAILED && payment.failureReason() != null) {
            body.append("Reason:     ").append(payment.failureReason()).append("\n");
        }
        if (state == PaymentState.DISPUTED) {
            body.append("\nThe client's bank has opened a dispute (chargeback) and withdrawn the money. Respond at the processor\n")
                    .append("before its deadline. If the receipt was on the books it is reversed and its invoices are open again.\n");
        }
        if (state == PaymentState.DISPUTE_WON) {
            body.append("\nThe dispute was decided for the firm: the money is back and the receipt is applied again.\n");
        }
        if (state == PaymentState.DISPUTE_LOST) {
            body.append("\nThe dispute was decided for the client: the money stays with the client and the invoices stay open.\n");
        }
        body.append("\n").append(firm.name()).append(" · Quittance\n");
        mailer.queue("payment-notice:" + payment.id() + ":" + state.name(), firm.portalAdminEmail(),
                "Portal payment " + state.label().toLowerCase() + ": " + amount + " (" + reference + ")", body.toString());
    }

    /** A processor payment as staff see it, with the client and invoices of its portal checkout. */
    public record Listed(Long id, OffsetDateTime at, String client, String invoices, org.quittance.money.Money amount, String card,
                         PaymentState state, String failureReason, String reference) {
    }

    /** The newest processor payments, for the staff screen. */
    public List<Listed> recent(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT p.id, p.updated_at, cl.name,
                               (SELECT string_agg(pi.number, ', ' ORDER BY pi.number) FROM portal_checkout_allocation a
                                JOIN invoice pi ON pi.id = a.invoice_id WHERE a.checkout_id = c.id),
                               p.amount, p.currency, p.card_brand, p.card_last4, p.state, p.failure_reason,
                               COALESCE(p.payment_intent, p.charge)
                        FROM processor_payment p
                        LEFT JOIN portal_checkout c ON c.id = p.checkout_id
                        LEFT JOIN client cl ON cl.id = c.client_id
                        ORDER BY p.updated_at DESC, p.id DESC LIMIT ?""")
                .setParameter(1, limit).getResultList();
        return rows.stream().map(r -> new Listed(((Number) r[0]).longValue(),
                SqlValues.timestamp(r[1]),
                (String) r[2], (String) r[3],
                r[4] == null ? null : org.quittance.money.Money.of((java.math.BigDecimal) r[4], ((String) r[5]).trim()),
                r[7] == null ? null : r[6] + " ····" + r[7], PaymentState.valueOf((String) r[8]), (String) r[9], (String) r[10])).toList();
    }

    public Optional<ProcessorPayment> byPaymentIntent(String paymentIntent) {
        return em.createQuery("SELECT p FROM ProcessorPayment p WHERE p.paymentIntent = :pi", ProcessorPayment.class)
                .setParameter("pi", paymentIntent).getResultStream().findFirst();
    }

    public long changes(long paymentId) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM processor_payment_change WHERE payment_id = ?")
                .setParameter(1, paymentId).getSingleResult()).longValue();
    }

    public long notifications(String eventId) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM payment_notification WHERE event_id = ?")
                .setParameter(1, eventId).getSingleResult()).longValue();
    }

    /**
     * What an event says that contradicts what is known: a charge that belongs to another payment
     * intent. (A payment intent may have several charges — a refused card, then a good one — so a
     * new charge of a known intent is no conflict unless another payment holds it.)
     */
    private Optional<String> conflict(StripeEvent event, Optional<ProcessorPayment> known) {
        if (known.isEmpty() || event.charge() == null) {
            return Optional.empty();
        }
        ProcessorPayment payment = known.get();
        if (event.paymentIntent() != null && payment.paymentIntent() != null && !payment.paymentIntent().equals(event.paymentIntent())) {
            return Optional.of("Charge " + event.charge() + " belongs to payment intent " + payment.paymentIntent()
                    + ", but this event names " + event.paymentIntent() + ".");
        }
        if (payment.charge() == null) {
            return em.createQuery("SELECT p.paymentIntent FROM ProcessorPayment p WHERE p.charge = :ch AND p.id <> :id", String.class)
                    .setParameter("ch", event.charge()).setParameter("id", payment.id()).getResultStream().findFirst()
                    .map(other -> "Charge " + event.charge() + " already belongs to payment intent " + other
                            + ", but this event gives it to " + payment.paymentIntent() + ".");
        }
        return Optional.empty();
    }

    /** A notification that contradicts the books, for staff to look into. */
    public record Conflict(String eventId, String type, OffsetDateTime receivedAt, String reason) {
    }

    public List<Conflict> conflicts(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT event_id, event_type, received_at, outcome_reason FROM payment_notification
                        WHERE outcome = ? ORDER BY received_at DESC LIMIT ?""")
                .setParameter(1, CONFLICT).setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new Conflict((String) r[0], (String) r[1], SqlValues.timestamp(r[2]), (String) r[3])).toList();
    }

    public String outcome(String eventId) {
        @SuppressWarnings("unchecked")
        List<String> outcomes = em.createNativeQuery("SELECT outcome FROM payment_notification WHERE event_id = ? ORDER BY id DESC LIMIT 1")
                .setParameter(1, eventId).getResultList();
        return outcomes.isEmpty() ? null : outcomes.get(0);
    }

    private Optional<ProcessorPayment> find(StripeEvent event) {
        if (event.paymentIntent() != null) {
            Optional<ProcessorPayment> byIntent = byPaymentIntent(event.paymentIntent());
            if (byIntent.isPresent()) {
                return byIntent;
            }
        }
        if (event.charge() != null) {
            List<ProcessorPayment> byCharge = em.createQuery("SELECT p FROM ProcessorPayment p WHERE p.charge = :ch", ProcessorPayment.class)
                    .setParameter("ch", event.charge()).getResultList();
            return byCharge.stream().findFirst();
        }
        return Optional.empty();
    }

    private Long checkoutOf(String reference) {
        if (reference == null) {
            return null;
        }
        return em.createQuery("SELECT c.id FROM PortalCheckout c WHERE c.reference = :r", Long.class)
                .setParameter("r", reference).getResultStream().findFirst().orElse(null);
    }

    private void outcome(long notificationId, String outcome, String reason) {
        em.createNativeQuery("UPDATE payment_notification SET outcome = ?, outcome_reason = ?, processed_at = now() WHERE id = ?")
                .setParameter(1, outcome).setParameter(2, reason).setParameter(3, notificationId).executeUpdate();
    }
}
