package org.quittance.payments.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.firm.entity.Firm;
import org.quittance.mail.boundary.Mailer;
import org.quittance.payments.control.StripeEvent;
import org.quittance.payments.entity.PaymentState;
import org.quittance.payments.entity.ProcessorPayment;

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
@Stateless
public class ProcessorPayments {

    private static final Logger LOG = Logger.getLogger(ProcessorPayments.class.getName());

    private static final Set<PaymentState> NOTICE_STATES = EnumSet.of(PaymentState.SUCCEEDED, PaymentState.FAILED, PaymentState.DISPUTED);

    @PersistenceContext
    EntityManager em;

    @EJB
    FirmSettings firmSettings;

    @EJB
    Mailer mailer;

    public void apply(long notificationId) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT payload, outcome FROM payment_notification WHERE id = ? FOR UPDATE")
                .setParameter(1, notificationId).getSingleResult();
        if (!"RECEIVED".equals(row[1])) {
            return;  // already applied or ignored
        }
        StripeEvent event = StripeEvent.parse((byte[]) row[0]);
        if (event.meaning().isEmpty()) {
            outcome(notificationId, "IGNORED", event.ignoredBecause());
            return;
        }
        OffsetDateTime now = OffsetDateTime.now();
        ProcessorPayment payment = find(event).orElseGet(() -> {
            ProcessorPayment created = new ProcessorPayment(WebhookInbox.STRIPE, event.paymentIntent(), event.charge(), now);
            em.persist(created);
            return created;
        });
        PaymentState before = payment.state();  // PENDING for a payment first seen now
        PaymentState after = payment.apply(event.paymentIntent(), event.charge(), event.amount(),
                event.metadata().isEmpty() ? null : event.metadata().toString(), event.meaning().get(), now);
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

    /** The firm's portal administrator hears of successes, failures and disputes, once per payment and state. */
    private void tellPortalAdministrator(ProcessorPayment payment, PaymentState state) {
        Firm firm = firmSettings.firm();
        if (firm.portalAdminEmail() == null) {
            LOG.warning(() -> "No portal administrator e-mail is set: payment " + payment.id() + " is " + state.label());
            return;
        }
        String amount = payment.amount() == null ? "a payment" : payment.amount().toString();
        String reference = payment.paymentIntent() != null ? payment.paymentIntent() : payment.charge();
        StringBuilder body = new StringBuilder()
                .append("A client portal payment is now ").append(state.label().toLowerCase()).append(".\n\n")
                .append("Amount:     ").append(amount).append("\n")
                .append("Processor:  ").append(payment.processor()).append(", reference ").append(reference).append("\n");
        if (state == PaymentState.FAILED && payment.failureReason() != null) {
            body.append("Reason:     ").append(payment.failureReason()).append("\n");
        }
        if (state == PaymentState.DISPUTED) {
            body.append("\nThe client's bank has opened a dispute (chargeback). Respond at the processor before its deadline.\n");
        }
        body.append("\n").append(firm.name()).append(" · Quittance\n");
        mailer.queue("payment-notice:" + payment.id() + ":" + state.name(), firm.portalAdminEmail(),
                "Portal payment " + state.label().toLowerCase() + ": " + amount + " (" + reference + ")", body.toString());
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

    private void outcome(long notificationId, String outcome, String reason) {
        em.createNativeQuery("UPDATE payment_notification SET outcome = ?, outcome_reason = ?, processed_at = now() WHERE id = ?")
                .setParameter(1, outcome).setParameter(2, reason).setParameter(3, notificationId).executeUpdate();
    }
}
