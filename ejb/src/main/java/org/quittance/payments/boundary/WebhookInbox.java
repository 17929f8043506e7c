package org.quittance.payments.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.quittance.messaging.boundary.OutboundMessages;
import org.quittance.messaging.control.Queue;
import org.quittance.payments.control.NotificationRecords;
import org.quittance.payments.control.PaymentProcessors;
import org.quittance.payments.processor.NotificationRefused;
import org.quittance.payments.processor.PaymentProcessor;
import org.quittance.payments.processor.VerifiedNotification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * The front door of processor notifications: verify the signature and timestamp on the raw bytes,
 * keep the raw event once per event id (one insert, one local commit), then wake the consumer of
 * PaymentNotifications. The kept row is the record of the work; the wake-up leaves after the commit
 * and is not kept on disk, and {@link #redriveStuck} queues again what waits too long, so no
 * two-phase commit between PostgreSQL and the broker is paid per event (issue 18: about a hundred a
 * second with it). Nothing else happens here, so the processor gets its answer in milliseconds.
 */
@Stateless
public class WebhookInbox {

    private static final Logger LOG = Logger.getLogger(WebhookInbox.class.getName());

    public static final String MESSAGE_TYPE = "processor-notification";

    public enum Receipt { ACCEPTED, DUPLICATE }

    @EJB
    OutboundMessages outbound;

    @EJB
    NotificationRecords notifications;

    @EJB
    PaymentProcessors processors;

    /** How long a kept notification may wait for its consumer before it is queued again. */
    static final Duration STUCK = Duration.ofMinutes(2);
    static final int MAX_REDRIVES = 3;

    /**
     * A webhook as it arrived at the endpoint of one processor: refused unless the firm's account is
     * with that processor and every signature in it checks out; then each notification it carries is
     * kept once. A duplicate when all of them were kept before.
     * @param processor the adapter's name the endpoint belongs to (STRIPE, ADYEN)
     * @param signatureHeader the processor's signature header, or null for one that signs inside the body
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Receipt receive(String processor, byte[] rawBody, String signatureHeader) throws NotificationRefused {
        PaymentProcessor adapter = processors.current().orElseThrow(() -> new NotificationRefused("no payment account is connected"));
        if (!adapter.name().equals(processor)) {
            throw new NotificationRefused("the firm's payment account is not with " + processor);
        }
        return keep(processor, adapter.verify(rawBody, signatureHeader, Instant.now()));
    }

    /**
     * What the janitor learnt by asking the processor, filed like a notification: the same consumer
     * applies it, and its deterministic id keeps it to once.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Receipt recordPolled(String processor, String eventId, String type, byte[] body) {
        return keep(processor, List.of(new VerifiedNotification(eventId, type, Instant.now(), body)));
    }

    /**
     * Notifications kept but never applied are queued again, up to three times: their message was
     * lost (a kill between the database's commit and the broker's left it in doubt, and the broker
     * could not recover it — measured in CrashIT) or still waits behind a burst. The consumer applies
     * a notification once whatever arrives, so a message sent twice changes nothing.
     */
    @Schedule(hour = "*", minute = "*/1", persistent = false)
    public void redriveStuck() {
        redrive(STUCK);
    }

    /** @return how many notifications were queued again */
    public int redrive(Duration waitingLongerThan) {
        List<NotificationRecords.Waiting> stuck = notifications.claimWaiting(waitingLongerThan, MAX_REDRIVES);
        for (NotificationRecords.Waiting waiting : stuck) {
            outbound.send(Queue.PAYMENT_NOTIFICATIONS, MESSAGE_TYPE, key(waiting.processor(), waiting.eventId()), String.valueOf(waiting.id()));
        }
        if (!stuck.isEmpty()) {
            LOG.warning(() -> stuck.size() + " payment notifications waited longer than " + waitingLongerThan.toMinutes()
                    + " minutes for their consumer; queued again");
        }
        return stuck.size();
    }

    /** The message's key: the same notification queued twice is one message to the consumer's idempotence. */
    private static String key(String processor, String eventId) {
        return processor.toLowerCase(java.util.Locale.ROOT) + ":" + eventId;
    }

    /** Keeps the notifications (one commit), then wakes their consumer: a duplicate when all were kept before. */
    private Receipt keep(String processor, List<VerifiedNotification> events) {
        List<NotificationRecords.Waiting> kept = notifications.keepAll(processor, events);
        kept.forEach(this::wake);
        return kept.isEmpty() ? Receipt.DUPLICATE : Receipt.ACCEPTED;
    }

    /** After the commit: a lost wake-up is the sweeper's to make good, so it never fails the webhook. */
    private void wake(NotificationRecords.Waiting kept) {
        try {
            outbound.wake(Queue.PAYMENT_NOTIFICATIONS, MESSAGE_TYPE, key(kept.processor(), kept.eventId()), String.valueOf(kept.id()));
        } catch (RuntimeException e) {
            LOG.warning(() -> "Payment notification " + kept.eventId() + " is kept but its consumer was not woken ("
                    + e + "); it is queued again within " + STUCK.toMinutes() + " minutes");
        }
    }
}
