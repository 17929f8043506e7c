package org.quittance.messaging.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.quittance.messaging.control.Queue;

import java.util.logging.Logger;

/**
 * Sends a message in the caller's transaction (the container's XA connection factory), so the
 * message leaves only if the business change commits; or wakes a consumer up for work already
 * committed as a row in PostgreSQL, outside any transaction.
 */
@Stateless
public class OutboundMessages {

    private static final Logger LOG = Logger.getLogger(OutboundMessages.class.getName());

    @Inject
    JMSContext jms;

    @Resource
    SessionContext context;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource
    ManagedExecutorService executor;

    @Resource(lookup = "java:/jms/queue/PublishedInvoices")
    jakarta.jms.Queue publishedInvoices;

    @Resource(lookup = "java:/jms/queue/PaymentNotifications")
    jakarta.jms.Queue paymentNotifications;

    public void send(Queue queue, String type, String key, String body) {
        jms.createProducer().send(destination(queue), message(type, key, body));
    }

    /**
     * Tells a queue's consumer that a row of work was committed: sent after the commit, outside any
     * transaction and not kept on disk. The row is the record of the work, and its table's sweeper
     * re-drives rows left waiting, so a wake-up lost in a crash costs a delay, never the work; what
     * it saves is the two-phase commit between PostgreSQL and the broker and the broker's disk write
     * (measured on the webhook path, issue 18).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void wake(Queue queue, String type, String key, String body) {
        jms.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT).send(destination(queue), message(type, key, body));
    }

    /**
     * {@link #wake} once the caller's transaction has committed, and never if it rolls back: for work
     * whose row is written in a transaction the caller does not end itself. The wake-up leaves from
     * another thread, since the finished transaction's thread may no longer enlist a JMS session.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void wakeAfterCommit(Queue queue, String type, String key, String body) {
        OutboundMessages self = context.getBusinessObject(OutboundMessages.class);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    executor.execute(() -> {
                        try {
                            self.wake(queue, type, key, body);
                        } catch (RuntimeException e) {
                            LOG.warning(() -> "Could not wake the consumer of " + queue.queueName() + " for " + key
                                    + " (" + e + "); its sweeper queues it again");
                        }
                    });
                }
            }
        });
    }

    private TextMessage message(String type, String key, String body) {
        TextMessage message = jms.createTextMessage(body);
        try {
            message.setStringProperty(Queue.TYPE_PROPERTY, type);
            message.setStringProperty(Queue.KEY_PROPERTY, key);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException("Cannot set message properties", e);
        }
        return message;
    }

    private jakarta.jms.Queue destination(Queue queue) {
        return switch (queue) {
            case PUBLISHED_INVOICES -> publishedInvoices;
            case PAYMENT_NOTIFICATIONS -> paymentNotifications;
        };
    }
}
