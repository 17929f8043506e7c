package org.quittance.payments.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.firm.entity.PaymentAccount;
import org.quittance.messaging.boundary.OutboundMessages;
import org.quittance.messaging.control.Queue;
import org.quittance.payments.control.PaymentProcessors;
import org.quittance.payments.processor.NotificationRefused;
import org.quittance.payments.processor.VerifiedNotification;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The front door of processor notifications: verify the signature and timestamp on the raw bytes,
 * keep the raw event once per event id, and put it on PaymentNotifications in the same transaction.
 * Nothing else happens here, so the processor gets its answer in milliseconds.
 */
@Stateless
public class WebhookInbox {

    public static final String STRIPE = "STRIPE";
    public static final String MESSAGE_TYPE = "stripe-event";

    public enum Receipt { ACCEPTED, DUPLICATE }

    @PersistenceContext
    EntityManager em;

    @EJB
    OutboundMessages outbound;

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
