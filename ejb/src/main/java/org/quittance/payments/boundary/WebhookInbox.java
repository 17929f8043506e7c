package org.quittance.payments.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.firm.entity.PaymentAccount;
import org.quittance.messaging.boundary.OutboundMessages;
import org.quittance.messaging.control.Queue;
import org.quittance.payments.control.PaymentProcessors;
import org.quittance.payments.processor.NotificationRefused;
import org.quittance.payments.processor.VerifiedNotification;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;

/**
 * The front door of processor notifications: verify the signature and timestamp on the raw bytes,
 * keep the raw event once per event id, and put it on PaymentNotifications in the same transaction.
 * Nothing else happens here, so the processor gets its answer in milliseconds.
 */
@Stateless
public class WebhookInbox {

    private static final Logger LOG = Logger.getLogger(WebhookInbox.class.getName());

    public static final String STRIPE = "STRIPE";
    public static final String MESSAGE_TYPE = "stripe-event";

    public enum Receipt { ACCEPTED, DUPLICATE }

    @PersistenceContext
    EntityManager em;

    @EJB
    OutboundMessages outbound;

    /** How long a kept notification may wait for its consumer before it is queued again. */
    static final Duration STUCK = Duration.ofMinutes(2);
    static final int MAX_REDRIVES = 3;

    public Receipt receiveStripe(byte[] rawBody, String signatureHeader) throws NotificationRefused {
        PaymentAccount account = em.createQuery("SELECT a FROM PaymentAccount a", PaymentAccount.class)
                .getResultStream().findFirst().orElseThrow(() -> new NotificationRefused("no payment account is connected"));
        VerifiedNotification event = PaymentProcessors.of(account).verify(rawBody, signatureHeader, Instant.now());
        return record(event.eventId(), event.type(), rawBody, event.signedAt());
    }

    /**
     * What the janitor learnt by asking the processor, filed like a notification: the same consumer
     * applies it, and its deterministic id keeps it to once.
     */
    public Receipt recordPolled(String eventId, String type, byte[] body) {
        return record(eventId, type, body, Instant.now());
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
        @SuppressWarnings("unchecked")
        List<Object[]> stuck = em.createNativeQuery("""
                        UPDATE payment_notification SET redriven = redriven + 1
                        WHERE id IN (SELECT id FROM payment_notification
                                     WHERE outcome = 'RECEIVED' AND received_at < now() - make_interval(secs => ?) AND redriven < ?
                                     ORDER BY id LIMIT 500 FOR UPDATE SKIP LOCKED)
                        RETURNING id, event_id""")
                .setParameter(1, waitingLongerThan.toSeconds()).setParameter(2, MAX_REDRIVES)
                .getResultList();
        for (Object[] row : stuck) {
            outbound.send(Queue.PAYMENT_NOTIFICATIONS, MESSAGE_TYPE, "stripe:" + row[1], String.valueOf(((Number) row[0]).longValue()));
        }
        if (!stuck.isEmpty()) {
            LOG.warning(() -> stuck.size() + " payment notifications waited longer than " + waitingLongerThan.toMinutes()
                    + " minutes for their consumer; queued again");
        }
        return stuck.size();
    }

    private Receipt record(String eventId, String type, byte[] rawBody, Instant signedAt) {
        @SuppressWarnings("unchecked")
        java.util.List<Number> inserted = em.createNativeQuery("""
                        INSERT INTO payment_notification (id, processor, event_id, event_type, payload, signed_at, received_at)
                        VALUES (nextval('payment_notification_seq'), ?, ?, ?, ?, ?, now())
                        ON CONFLICT (processor, event_id) DO NOTHING RETURNING id""")
                .setParameter(1, STRIPE)
                .setParameter(2, eventId)
                .setParameter(3, type)
                .setParameter(4, rawBody)
                .setParameter(5, OffsetDateTime.ofInstant(signedAt, ZoneOffset.UTC))
                .getResultList();
        if (inserted.isEmpty()) {
            return Receipt.DUPLICATE;
        }
        long id = inserted.get(0).longValue();
        outbound.send(Queue.PAYMENT_NOTIFICATIONS, MESSAGE_TYPE, "stripe:" + eventId, String.valueOf(id));
        return Receipt.ACCEPTED;
    }
}
