package org.quittance.payments.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.quittance.payments.control.PaymentProcessors;
import org.quittance.payments.processor.CheckoutStatus;
import org.quittance.payments.processor.PaymentProcessor;
import org.quittance.payments.processor.ProcessorUnavailable;
import org.quittance.payments.processor.RemotePayment;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Asks the processor about payments that stay pending, and about checkouts left open, longer than
 * quittance.payments.pending-minutes: a lost notification must not leave a payment in limbo. What
 * it learns goes through the inbox and the normal consumer, like a notification.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaymentJanitor {

    private static final Logger LOG = Logger.getLogger(PaymentJanitor.class.getName());

    @EJB
    PendingPayments pending;

    @EJB
    PaymentProcessors processors;

    @EJB
    WebhookInbox inbox;

    @Schedule(hour = "*", minute = "*/1", persistent = false)
    public void sweep() {
        sweep(org.quittance.platform.control.Settings.pendingPaymentAge());
    }

    /** @return how many answers from the processor were filed as notifications */
    @Lock(LockType.WRITE)
    public int sweep(Duration olderThan) {
        Optional<PaymentProcessor> processor = processors.current();
        if (processor.isEmpty()) {
            return 0;
        }
        OffsetDateTime cutoff = OffsetDateTime.now().minus(olderThan);
        int filed = 0;
        for (String paymentId : pending.stalePayments(cutoff)) {
            filed += ask(processor.get(), paymentId);
        }
        for (PendingPayments.OpenCheckout checkout : pending.staleCheckouts(cutoff)) {
            try {
                CheckoutStatus status = processor.get().checkoutStatus(checkout.sessionId());
                if (status.paymentId() != null && (status.paid() || status.complete())) {
                    filed += ask(processor.get(), status.paymentId());
                } else if (status.expired()) {
                    pending.expire(checkout.id());
                }
            } catch (ProcessorUnavailable e) {
                LOG.log(Level.WARNING, "Janitor: cannot ask about checkout " + checkout.sessionId() + "; will try again", e);
            }
        }
        return filed;
    }

    private int ask(PaymentProcessor processor, String paymentId) {
        try {
            RemotePayment payment = processor.payment(paymentId);
            if (!payment.settled()) {
                return 0;
            }
            WebhookInbox.Receipt receipt = inbox.recordPolled(processor.name(), payment.eventId(), payment.eventType(), payment.eventBody());
            if (receipt == WebhookInbox.Receipt.ACCEPTED) {
                LOG.info(() -> "Janitor: " + paymentId + " is " + payment.eventType() + " at the processor; filed as a notification");
                return 1;
            }
            return 0;
        } catch (ProcessorUnavailable e) {
            LOG.log(Level.WARNING, "Janitor: cannot ask about payment " + paymentId + "; will try again", e);
            return 0;
        }
    }
}
