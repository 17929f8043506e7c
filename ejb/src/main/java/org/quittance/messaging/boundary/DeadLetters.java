package org.quittance.messaging.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import org.quittance.messaging.control.Queue;
import org.quittance.platform.control.RuleViolation;
import org.quittance.security.entity.Roles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Messages that failed every delivery attempt, as staff see them: what, when, why; and Replay, which
 * moves one back onto its queue in a single transaction (taken off the dead-letter queue only if the
 * copy is sent).
 */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
public class DeadLetters {

    public record Entry(Queue queue, String key, String type, String body, Instant deadSince, String reason) implements java.io.Serializable {
        /** What the failure means and what to do, for the screen; {@link #reason()} is its technical detail. */
        public String explanation() {
            return org.quittance.messaging.control.FailureReasons.explain(reason);
        }
    }

    @Inject
    JMSContext jms;

    @Resource(lookup = "java:/jms/queue/PublishedInvoicesDLQ")
    jakarta.jms.Queue publishedInvoicesDlq;

    @Resource(lookup = "java:/jms/queue/PaymentNotificationsDLQ")
    jakarta.jms.Queue paymentNotificationsDlq;

    @EJB
    OutboundMessages outbound;

    @EJB
    MessageFailures failures;

    public List<Entry> list(Queue queue, int max) {
        List<Entry> entries = new ArrayList<>();
        try (QueueBrowser browser = jms.createBrowser(dlq(queue))) {
            for (Object o : Collections.list(browser.getEnumeration())) {
                if (entries.size() >= max) {
                    break;
                }
                Message m = (Message) o;
                String key = m.getStringProperty(Queue.KEY_PROPERTY);
                entries.add(new Entry(queue, key, m.getStringProperty(Queue.TYPE_PROPERTY),
                        m instanceof TextMessage t ? t.getText() : null, Instant.ofEpochMilli(m.getJMSTimestamp()),
                        key == null ? "no key: cannot be replayed" : failures.reason(queue, key)));
            }
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot browse " + queue.queueName() + "DLQ", e);
        }
        return entries;
    }

    /** Puts the dead message with this key back on its queue. */
    public void replay(Queue queue, String key) {
        if (key == null || key.isBlank() || key.contains("'")) {
            throw new RuleViolation("This message cannot be replayed.");
        }
        try (JMSConsumer consumer = jms.createConsumer(dlq(queue), Queue.KEY_PROPERTY + " = '" + key + "'")) {
            Message dead = consumer.receive(2_000);
            if (dead == null) {
                throw new RuleViolation("The message " + key + " is no longer in the dead-letter queue (replayed already?).");
            }
            outbound.send(queue, dead.getStringProperty(Queue.TYPE_PROPERTY), key, dead instanceof TextMessage t ? t.getText() : null);
            failures.replayed(queue, key);
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot replay " + key, e);
        }
    }

    private jakarta.jms.Queue dlq(Queue queue) {
        return switch (queue) {
            case PUBLISHED_INVOICES -> publishedInvoicesDlq;
            case PAYMENT_NOTIFICATIONS -> paymentNotificationsDlq;
        };
    }
}
