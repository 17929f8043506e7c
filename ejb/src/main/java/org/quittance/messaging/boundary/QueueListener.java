package org.quittance.messaging.boundary;

import jakarta.ejb.MessageDrivenContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.quittance.messaging.control.Queue;

import java.util.logging.Logger;

/**
 * What every queue's message-driven bean does: read the envelope, hand it to {@link InboundMessages},
 * and on failure roll back so the broker redelivers (then dead-letters) the message. Thin on purpose.
 */
public final class QueueListener {

    private static final Logger LOG = Logger.getLogger(QueueListener.class.getName());

    private QueueListener() {
    }

    public static void deliver(Queue queue, Message message, InboundMessages inbound, MessageDrivenContext context) {
        String id = "?";
        try {
            id = message.getJMSMessageID();
            String body = message instanceof TextMessage text ? text.getText() : null;
            inbound.receive(queue,
                    message.getStringProperty(Queue.TYPE_PROPERTY),
                    message.getStringProperty(Queue.KEY_PROPERTY),
                    body);
        } catch (JMSException | RuntimeException e) {
            context.setRollbackOnly();
            String messageId = id;
            LOG.warning(() -> "Message " + messageId + " on " + queue.queueName()
                    + " failed and will be redelivered or dead-lettered: " + rootCause(e));
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
