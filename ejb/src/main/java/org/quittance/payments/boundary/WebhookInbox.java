package org.quittance.payments.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.firm.control.SecretBox;
import org.quittance.firm.entity.PaymentAccount;
import org.quittance.messaging.boundary.OutboundMessages;
import org.quittance.messaging.control.Queue;
import org.quittance.payments.control.NotificationRefused;
import org.quittance.payments.control.SignatureRefused;
import org.quittance.payments.control.StripeEvent;
import org.quittance.payments.control.StripeSignature;

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
        Instant signedAt;
        try {
            signedAt = new StripeSignature(webhookSecret(), StripeSignature.DEFAULT_TOLERANCE).verify(rawBody, signatureHeader, Instant.now());
        } catch (SignatureRefused e) {
            throw new NotificationRefused("signature refused: " + e.getMessage());
        }
        StripeEvent event;
        try {
            event = StripeEvent.parse(rawBody);
        } catch (IllegalArgumentException e) {
            throw new NotificationRefused(e.getMessage());
        }
        @SuppressWarnings("unchecked")
        java.util.List<Number> inserted = em.createNativeQuery("""
                        INSERT INTO payment_notification (id, processor, event_id, event_type, payload, signed_at, received_at)
                        VALUES (nextval('payment_notification_seq'), ?, ?, ?, ?, ?, now())
                        ON CONFLICT (processor, event_id) DO NOTHING RETURNING id""")
                .setParameter(1, STRIPE)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .setParameter(4, rawBody)
                .setParameter(5, OffsetDateTime.ofInstant(signedAt, ZoneOffset.UTC))
                .getResultList();
        if (inserted.isEmpty()) {
            return Receipt.DUPLICATE;
        }
        long id = inserted.get(0).longValue();
        outbound.send(Queue.PAYMENT_NOTIFICATIONS, MESSAGE_TYPE, "stripe:" + event.id(), String.valueOf(id));
        return Receipt.ACCEPTED;
    }

    private String webhookSecret() throws NotificationRefused {
        PaymentAccount account = em.createQuery("SELECT a FROM PaymentAccount a", PaymentAccount.class)
                .getResultStream().findFirst().orElse(null);
        if (account == null || account.webhookSecretCipher() == null) {
            throw new NotificationRefused("no webhook signing secret is configured for the payment account");
        }
        return SecretBox.ofServer().open(account.webhookSecretCipher());
    }
}
