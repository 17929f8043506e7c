package org.quittance.messaging.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;
import org.quittance.messaging.control.Queue;

/**
 * Sends a message in the caller's transaction (the container's XA connection factory), so the
 * message leaves only if the business change commits.
 */
@Stateless
public class OutboundMessages {

    @Inject
    JMSContext jms;

    @Resource(lookup = "java:/jms/queue/PublishedInvoices")
    jakarta.jms.Queue publishedInvoices;

    @Resource(lookup = "java:/jms/queue/PaymentNotifications")
    jakarta.jms.Queue paymentNotifications;

    public void send(Queue queue, String type, String key, String body) {
        TextMessage message = jms.createTextMessage(body);
        try {
            message.setStringProperty(Queue.TYPE_PROPERTY, type);
            message.setStringProperty(Queue.KEY_PROPERTY, key);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException("Cannot set message properties", e);
        }
        jms.createProducer().send(destination(queue), message);
    }

    private jakarta.jms.Queue destination(Queue queue) {
        return switch (queue) {
            case PUBLISHED_INVOICES -> publishedInvoices;
            case PAYMENT_NOTIFICATIONS -> paymentNotifications;
        };
    }
}
