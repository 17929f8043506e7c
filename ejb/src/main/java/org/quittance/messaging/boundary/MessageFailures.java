package org.quittance.messaging.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.messaging.control.Queue;

/** Records why a message failed, in its own transaction (the consumer's is being rolled back). */
@Stateless
public class MessageFailures {

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(Queue queue, String type, String key, String reason) {
        if (key == null) {
            return;  // an envelope without a key cannot be replayed by key; the log has it
        }
        em.createNativeQuery("""
                        INSERT INTO message_failure (queue, message_key, message_type, reason, attempts, first_failed_at, last_failed_at)
                        VALUES (?, ?, ?, ?, 1, now(), now())
                        ON CONFLICT (queue, message_key) DO UPDATE
                        SET reason = EXCLUDED.reason, attempts = message_failure.attempts + 1, last_failed_at = now()""")
                .setParameter(1, queue.queueName()).setParameter(2, key).setParameter(3, type)
                .setParameter(4, reason.length() > 4000 ? reason.substring(0, 4000) : reason)
                .executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void replayed(Queue queue, String key) {
        em.createNativeQuery("UPDATE message_failure SET replayed_at = now() WHERE queue = ? AND message_key = ?")
                .setParameter(1, queue.queueName()).setParameter(2, key).executeUpdate();
    }

    public String reason(Queue queue, String key) {
        return (String) em.createNativeQuery("SELECT reason || ' (' || attempts || ' attempts)' FROM message_failure WHERE queue = ? AND message_key = ?")
                .setParameter(1, queue.queueName()).setParameter(2, key)
                .getResultStream().findFirst().orElse("no reason recorded");
    }
}
