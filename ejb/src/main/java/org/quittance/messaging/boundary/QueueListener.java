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

    public static void deliver(Queue queue, Message message, InboundMessages inbound, MessageFailures failures,
                               MessageDrivenContext context) {
        String id = "?";
        String type = null;
        String key = null;
        try {
            id = message.getJMSMessageID();
            type = message.getStringProperty(Queue.TYPE_PROPERTY);
            key = message.getStringProperty(Queue.KEY_PROPERTY);
            String body = message instanceof TextMessage text ? text.getText() : null;
            inbound.receive(queue, type, key, body);
        } catch (JMSException | RuntimeException e) {
            context.setRollbackOnly();
            String messageId = id;
            String reason = rootCause(e);
            LOG.warning(() -> "Message " + messageId + " on " + queue.queueName()
                    + " failed and will be redelivered or dead-lettered: " + reason);
            try {
                failures.record(queue, type, key, reason);
            } catch (RuntimeException recordingFailed) {
                LOG.warning(() -> "Could not record the failure of message " + messageId + ": " + recordingFailed);
            }
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
