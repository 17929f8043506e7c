package org.quittance.messaging.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.messaging.control.MessageHandler;
import org.quittance.messaging.control.Queue;
import org.quittance.messaging.control.UnroutableMessageException;

import java.util.logging.Logger;

/**
 * The one entry point of every consumed message: records its key as processed and hands it to the
 * handler for its type, in the consumer's transaction. A key already processed is skipped, so a
 * redelivered or duplicated message has its effect once.
 */
@Stateless
public class InboundMessages {

    private static final Logger LOG = Logger.getLogger(InboundMessages.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    @Any
    Instance<MessageHandler> handlers;

    public void receive(Queue queue, String type, String key, String body) {
        if (type == null || key == null) {
            throw new UnroutableMessageException("Message on " + queue.queueName() + " lacks its "
                    + Queue.TYPE_PROPERTY + " or " + Queue.KEY_PROPERTY + " property");
        }
        MessageHandler handler = handlerFor(queue, type);
        if (!markProcessed(queue, type, key)) {
            LOG.fine(() -> "Skipping " + type + " " + key + " on " + queue.queueName() + ": already processed");
            return;
        }
        handler.handle(key, body);
    }

    /** @return false when the key was processed before (the insert hit the primary key) */
    private boolean markProcessed(Queue queue, String type, String key) {
        return em.createNativeQuery("""
                        INSERT INTO processed_message (queue, message_key, message_type, processed_at)
                        VALUES (?, ?, ?, now()) ON CONFLICT DO NOTHING""")
                .setParameter(1, queue.queueName())
                .setParameter(2, key)
                .setParameter(3, type)
                .executeUpdate() == 1;
    }

    private MessageHandler handlerFor(Queue queue, String type) {
        for (MessageHandler handler : handlers) {
            if (handler.queue() == queue && handler.type().equals(type)) {
                return handler;
            }
        }
        throw new UnroutableMessageException("No handler for message type '" + type + "' on " + queue.queueName());
    }

    public boolean wasProcessed(Queue queue, String key) {
        return !em.createNativeQuery("SELECT 1 FROM processed_message WHERE queue = ? AND message_key = ?")
                .setParameter(1, queue.queueName())
                .setParameter(2, key)
                .getResultList().isEmpty();
    }
}
