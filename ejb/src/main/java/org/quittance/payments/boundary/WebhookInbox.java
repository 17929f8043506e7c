package org.quittance.payments.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.payments.entity.PaymentAccount;
import org.quittance.messaging.boundary.OutboundMessages;
import org.quittance.messaging.control.Queue;
import org.quittance.payments.control.NotificationRecords;
import org.quittance.payments.control.PaymentProcessors;
import org.quittance.payments.processor.NotificationRefused;
import org.quittance.payments.processor.PaymentProcessor;
import org.quittance.payments.processor.VerifiedNotification;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The front door of processor notifications: verify the signature and timestamp on the raw bytes,
 * keep the raw event once per event id, and put it on PaymentNotifications in the same transaction.
 * Nothing else happens here, so the processor gets its answer in milliseconds.
 */
@Stateless
public class WebhookInbox {

    private static final Logger LOG = Logger.getLogger(WebhookInbox.class.getName());

    public static final String MESSAGE_TYPE = "processor-notification";

    public enum Receipt { ACCEPTED, DUPLICATE }

    @PersistenceContext
    EntityManager em;

    @EJB
    OutboundMessages outbound;

    @EJB
    NotificationRecords notifications;

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
    public Receipt receive(String processor, byte[] rawBody, String signatureHeader) throws NotificationRefused {
        PaymentAccount account = em.createQuery("SELECT a FROM PaymentAccount a", PaymentAccount.class)
                .getResultStream().findFirst().orElseThrow(() -> new NotificationRefused("no payment account is connected"));
        PaymentProcessor adapter = PaymentProcessors.of(account);
        if (!adapter.name().equals(processor)) {
            throw new NotificationRefused("the firm's payment account is not with " + processor);
        }
        Receipt receipt = Receipt.DUPLICATE;
        for (VerifiedNotification event : adapter.verify(rawBody, signatureHeader, Instant.now())) {
            if (record(processor, event.eventId(), event.type(), event.payload(), event.signedAt()) == Receipt.ACCEPTED) {
                receipt = Receipt.ACCEPTED;
            }
        }
        return receipt;
    }

    /**
     * What the janitor learnt by asking the processor, filed like a notification: the same consumer
     * applies it, and its deterministic id keeps it to once.
     */
    public Receipt recordPolled(String processor, String eventId, String type, byte[] body) {
        return record(processor, eventId, type, body, Instant.now());
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

    private Receipt record(String processor, String eventId, String type, byte[] rawBody, Instant signedAt) {
        Optional<Long> kept = notifications.keep(processor, eventId, type, rawBody, OffsetDateTime.ofInstant(signedAt, ZoneOffset.UTC));
        if (kept.isEmpty()) {
            return Receipt.DUPLICATE;
        }
        outbound.send(Queue.PAYMENT_NOTIFICATIONS, MESSAGE_TYPE, key(processor, eventId), String.valueOf(kept.get()));
        return Receipt.ACCEPTED;
    }
}
