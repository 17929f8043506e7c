package org.quittance.payments.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.firm.entity.Firm;
import org.quittance.mail.boundary.Mailer;
import org.quittance.payments.control.MoneyReturned;
import org.quittance.payments.control.NotificationRecords;
import org.quittance.payments.control.PayerNotices;
import org.quittance.payments.control.PaymentConfirmed;
import org.quittance.payments.control.PaymentProcessors;
import org.quittance.payments.entity.CheckoutState;
import org.quittance.payments.entity.PaymentState;
import org.quittance.payments.entity.PortalCheckout;
import org.quittance.payments.entity.ProcessorPayment;
import org.quittance.payments.processor.PaymentEvent;
import org.quittance.payments.processor.ProcessorEvent;
import org.quittance.platform.control.AdvisoryLock;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Applies a kept processor notification to its payment, in the PaymentNotifications consumer's
 * transaction, whichever processor sent it: the adapter that received it reads it into a
 * {@link ProcessorEvent}, and from there every processor's events take the same path. Each
 * notification changes a payment at most once (the change record's key); an event that concerns no
 * payment is marked ignored with the reason, never an error. The firm's portal administrator is told
 * by e-mail when a payment succeeds, fails or is disputed; the client who paid, when it is received
 * and when money is given back ({@link PayerNotices}).
 */
@Stateless
public class ProcessorEvents {

    private static final Logger LOG = Logger.getLogger(ProcessorEvents.class.getName());

    private static final Set<PaymentState> NOTICE_STATES = EnumSet.of(PaymentState.SUCCEEDED, PaymentState.FAILED, PaymentState.DISPUTED,
            PaymentState.DISPUTE_WON, PaymentState.DISPUTE_LOST);

    @PersistenceContext
    EntityManager em;

    @EJB
    FirmSettings firmSettings;

    @EJB
    NotificationRecords notifications;

    @EJB
    Mailer mailer;

    @EJB
    PayerNotices payers;

    @Inject
    Event<PaymentConfirmed> confirmed;

    @Inject
    Event<MoneyReturned> moneyReturned;

    @PermitAll  // the payment-notification consumer's work: applies a notification already verified and kept
    public void apply(long notificationId) {
        NotificationRecords.Kept kept = notifications.lock(notificationId);
        if (!NotificationRecords.RECEIVED.equals(kept.outcome())) {
            return;  // already applied or ignored
        }
        String processor = kept.processor();
        ProcessorEvent event;
        try {
            event = PaymentProcessors.read(processor, kept.payload());
        } catch (RuntimeException e) {
            // Signed, but not an event we can read (or an amount beyond any invoice): recorded, not retried.
            notifications.outcome(notificationId, NotificationRecords.CONFLICT, "The event cannot be read: " + e.getMessage());
            return;
        }
        if (event.meaning().isEmpty()) {
            notifications.outcome(notificationId, NotificationRecords.IGNORED, event.ignoredBecause());
            return;
        }
        // Two events of one payment (say, of its charge and of the payment itself) arrive together: the second
        // waits here and finds the first's payment instead of failing on the unique key.
        String paymentKey = event.paymentKey();
        if (paymentKey != null) {
            AdvisoryLock.hold(em, "processor-payment", paymentKey);
        }
        OffsetDateTime now = OffsetDateTime.now();
        Optional<ProcessorPayment> known = find(processor, event);
        Optional<String> conflict = conflict(event, known);
        if (conflict.isPresent()) {
            notifications.outcome(notificationId, NotificationRecords.CONFLICT, conflict.get());
            LOG.warning(() -> processor + " " + event.type() + " " + event.id() + " conflicts with the books: " + conflict.get());
            return;
        }
        ProcessorPayment payment = known.orElseGet(() -> {
            ProcessorPayment created = new ProcessorPayment(processor, event.payment(), event.charge(), now);
            em.persist(created);
            return created;
        });
        PaymentState before = payment.state();  // PENDING for a payment first seen now
        boolean succeededBefore = payment.succeeded();
        org.quittance.money.Money refundedBefore = payment.refunded();
        PaymentState after = payment.apply(event.payment(), event.charge(), event.amount(),
                event.metadata().isEmpty() ? null : event.metadata().toString(), event.meaning().get(), now);
        Long checkoutId = checkoutOf(event.checkoutReference());
        payment.learn(checkoutId, event.cardBrand(), event.cardLast4(), event.meaning().get() instanceof PaymentEvent.Succeeded);
        if (checkoutId != null && payment.succeeded()) {
            em.find(PortalCheckout.class, checkoutId).settle(CheckoutState.PAID, now);
        }
        if (payment.succeeded() && payment.amount() != null) {
            recordReceipt(payment, now);
            moneyReturned.fire(new MoneyReturned(reference(payment), payment.refunded(), payment.chargedBack()));
        }
        em.flush();
        notifications.change(payment.id(), notificationId, after);
        notifications.outcome(notificationId, NotificationRecords.APPLIED, null);
        if (before != after && NOTICE_STATES.contains(after)) {
            tellPortalAdministrator(payment, after);
        }
        payers.tell(payment, before, succeededBefore, refundedBefore);
        LOG.fine(() -> processor + " " + event.type() + " " + event.id() + " → payment " + payment.id() + " " + after);
    }

    /** A confirmed payment is an integrated receipt from now on (once: the intake knows it by its reference). */
    private void recordReceipt(ProcessorPayment payment, OffsetDateTime now) {
        String checkout = payment.checkoutId() == null ? null : em.find(PortalCheckout.class, payment.checkoutId()).reference();
        String reference = reference(payment);
        confirmed.fire(new PaymentConfirmed(reference, payment.charge(), payment.amount(), now, checkout));
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

    /**
     * What an event says that contradicts what is known: a charge that belongs to another payment.
     * (A payment may have several charges — a refused card, then a good one — so a new charge of a
     * known payment is no conflict unless another payment holds it.)
     */
    private Optional<String> conflict(ProcessorEvent event, Optional<ProcessorPayment> known) {
        if (known.isEmpty() || event.charge() == null) {
            return Optional.empty();
        }
        ProcessorPayment payment = known.get();
        if (event.payment() != null && payment.paymentIntent() != null && !payment.paymentIntent().equals(event.payment())) {
            return Optional.of("Charge " + event.charge() + " belongs to payment " + payment.paymentIntent()
                    + ", but this event names " + event.payment() + ".");
        }
        if (payment.charge() == null) {
            return em.createQuery("SELECT p.paymentIntent FROM ProcessorPayment p WHERE p.charge = :ch AND p.id <> :id", String.class)
                    .setParameter("ch", event.charge()).setParameter("id", payment.id()).getResultStream().findFirst()
                    .map(other -> "Charge " + event.charge() + " already belongs to payment " + other
                            + ", but this event gives it to " + payment.paymentIntent() + ".");
        }
        return Optional.empty();
    }

    /** By the processor's own keys, the processor first: what the unique indexes hold (issue 18: a scan of every payment without it). */
    private Optional<ProcessorPayment> find(String processor, ProcessorEvent event) {
        if (event.payment() != null) {
            Optional<ProcessorPayment> byIntent = em.createQuery(
                            "SELECT p FROM ProcessorPayment p WHERE p.processor = :processor AND p.paymentIntent = :pi", ProcessorPayment.class)
                    .setParameter("processor", processor).setParameter("pi", event.payment()).getResultStream().findFirst();
            if (byIntent.isPresent()) {
                return byIntent;
            }
        }
        if (event.charge() != null) {
            return em.createQuery("SELECT p FROM ProcessorPayment p WHERE p.processor = :processor AND p.charge = :ch", ProcessorPayment.class)
                    .setParameter("processor", processor).setParameter("ch", event.charge()).getResultStream().findFirst();
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

}
