package org.quittance.mail.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Queues an e-mail in the outbox, in the caller's transaction. The message key names the business
 * fact ("invoice-published:42:7"), so asking twice for the same fact queues one message.
 */
@Stateless
public class Mailer {

    @PersistenceContext
    EntityManager em;

    /** @return true if queued now, false if a message with this key was queued before */
    public boolean queue(@NotBlank @Size(max = 200) String messageKey,
                         @NotBlank @Email(message = "is not a valid e-mail address") String recipient,
                         @NotBlank @Size(max = 300) String subject,
                         @NotBlank String body) {
        return queue(messageKey, recipient, subject, body, null);
    }

    /**
     * A message carrying a secret (a registration or reset link): the secret is removed from the
     * stored copy once the message is delivered, so the outbox never shows a live link of a sent mail.
     */
    public boolean queue(@NotBlank @Size(max = 200) String messageKey,
                         @NotBlank @Email(message = "is not a valid e-mail address") String recipient,
                         @NotBlank @Size(max = 300) String subject,
                         @NotBlank String body,
                         String secret) {
        int inserted = em.createNativeQuery("""
                        INSERT INTO mail_outbox (id, message_key, recipient, subject, body, secret, state, attempts, created_at, version)
                        VALUES (nextval('mail_outbox_seq'), ?, ?, ?, ?, ?, 'PENDING', 0, now(), 0)
                        ON CONFLICT (message_key) DO NOTHING""")
                .setParameter(1, messageKey)
                .setParameter(2, recipient)
                .setParameter(3, subject)
                .setParameter(4, body)
                .setParameter(5, secret)
                .executeUpdate();
        return inserted == 1;
    }
}
