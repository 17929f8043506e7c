package org.quittance.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quittance.messaging.boundary.InboundMessages;
import org.quittance.messaging.boundary.OutboundMessages;
import org.quittance.messaging.control.Queue;
import org.quittance.messaging.control.QueueProbe;

import javax.management.JMException;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Collections;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both queues are consumed by their MDBs, duplicates have one effect, poison ends in the DLQ. */
@ExtendWith(ArquillianExtension.class)
class MessagingIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.quittanceWith(MessagingIT.class);
    }

    @EJB
    OutboundMessages outbound;

    @EJB
    InboundMessages inbound;

    @Inject
    JMSContext jms;

    @Resource(lookup = "java:/jms/queue/PublishedInvoicesDLQ")
    jakarta.jms.Queue publishedInvoicesDlq;

    @Resource(lookup = "java:/jms/queue/PaymentNotificationsDLQ")
    jakarta.jms.Queue paymentNotificationsDlq;

    @Test
    void aMessageOnEachQueueIsConsumedByItsListener() {
        for (Queue queue : Queue.values()) {
            String key = "probe-" + UUID.randomUUID();
            outbound.send(queue, QueueProbe.TYPE, key, "{}");
            Eventually.await("probe " + key + " consumed from " + queue.queueName(), Duration.ofSeconds(20),
                    () -> inbound.wasProcessed(queue, key));
        }
    }

    @Test
    void aDuplicatedMessageIsProcessedOnceAndNotDeadLettered() throws Exception {
        String key = "dup-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            outbound.send(Queue.PAYMENT_NOTIFICATIONS, QueueProbe.TYPE, key, "{}");
        }
        Eventually.await("duplicate " + key + " consumed", Duration.ofSeconds(20),
                () -> inbound.wasProcessed(Queue.PAYMENT_NOTIFICATIONS, key));
        // A copy that failed would wait on the queue for its redelivery (the broker counts it there), so
        // an empty queue means every copy was acknowledged: none can still be on its way to the DLQ.
        Eventually.await("every copy of " + key + " acknowledged", Duration.ofSeconds(30),
                () -> messagesOn("PaymentNotifications") == 0);
        assertEquals(0, countInDeadLetters(paymentNotificationsDlq, key));
    }

    @Test
    void aMessageThatAlwaysFailsEndsInTheDeadLetterQueueAfterTheConfiguredAttempts() {
        String key = "poison-" + UUID.randomUUID();
        long sentAt = System.nanoTime();
        outbound.send(Queue.PUBLISHED_INVOICES, "no-such-type", key, "{}");

        // 5 attempts, 1 + 2 + 4 + 8 s apart: about 15 s.
        Eventually.await("poison " + key + " in PublishedInvoicesDLQ", Duration.ofSeconds(60),
                () -> countInDeadLetters(publishedInvoicesDlq, key) == 1);
        assertFalse(inbound.wasProcessed(Queue.PUBLISHED_INVOICES, key), "a failed message leaves no trace of processing");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - sentAt);
        // Artemis resets the delivery count when it dead-letters; the delays prove the attempts:
        // five deliveries are four redeliveries 1, 2, 4 and 8 s apart (15 s), fewer would be faster.
        assertTrue(elapsed.toMillis() >= 14_000, "dead-lettered after " + elapsed.toMillis() + " ms");
        Message dead = firstInDeadLetters(publishedInvoicesDlq, key);
        assertTrue(stringProperty(dead, "_AMQ_ORIG_ADDRESS").endsWith("PublishedInvoices"),
                "the dead letter remembers where it came from");
    }

    /** Messages on the queue as the broker counts them: waiting, being delivered and scheduled for redelivery. */
    private static long messagesOn(String queue) {
        try {
            ObjectName name = new ObjectName("jboss.as:subsystem=messaging-activemq,server=default,jms-queue=" + queue);
            return ((Number) ManagementFactory.getPlatformMBeanServer().getAttribute(name, "messageCount")).longValue();
        } catch (JMException e) {
            throw new IllegalStateException("The server's management model does not answer for " + queue, e);
        }
    }

    private int countInDeadLetters(jakarta.jms.Queue dlq, String key) {
        try (QueueBrowser browser = jms.createBrowser(dlq, Queue.KEY_PROPERTY + " = '" + key + "'")) {
            return Collections.list(browser.getEnumeration()).size();
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private Message firstInDeadLetters(jakarta.jms.Queue dlq, String key) {
        try (QueueBrowser browser = jms.createBrowser(dlq, Queue.KEY_PROPERTY + " = '" + key + "'")) {
            return (Message) browser.getEnumeration().nextElement();
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String stringProperty(Message message, String name) {
        try {
            return String.valueOf(message.getObjectProperty(name));
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
