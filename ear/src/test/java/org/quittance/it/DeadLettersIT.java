package org.quittance.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quittance.messaging.boundary.DeadLetters;
import org.quittance.messaging.boundary.OutboundMessages;
import org.quittance.messaging.control.Queue;
import org.quittance.payments.boundary.WebhookInbox;
import org.quittance.platform.control.RuleViolation;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A notification whose handling keeps failing is redelivered, then dead-lettered with its reason;
 * once the cause is gone, Replay puts it back and it is applied — once.
 */
@ExtendWith(ArquillianExtension.class)
class DeadLettersIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.quittanceWith(DeadLettersIT.class);
    }

    @EJB DeadLetters deadLetters;
    @EJB OutboundMessages outbound;
    @Resource UserTransaction tx;
    @Resource(lookup = "java:jboss/datasources/QuittanceDS") DataSource dataSource;

    @Test
    void aFailingNotificationIsDeadLetteredWithItsReasonAndReplayedOnceItsCauseIsGone() throws Exception {
        // A notification id that does not exist yet: the consumer fails on it every time.
        long notificationId = 900_000_000L + (long) (Math.random() * 1_000_000);
        String key = "stripe:evt_dlq_" + UUID.randomUUID();
        tx.begin();
        outbound.send(Queue.PAYMENT_NOTIFICATIONS, WebhookInbox.MESSAGE_TYPE, key, String.valueOf(notificationId));
        tx.commit();

        Eventually.await("dead letter " + key, Duration.ofSeconds(60),
                () -> deadLetters.list(Queue.PAYMENT_NOTIFICATIONS, 1000).stream().anyMatch(e -> key.equals(e.key())));
        DeadLetters.Entry dead = deadLetters.list(Queue.PAYMENT_NOTIFICATIONS, 1000).stream().filter(e -> key.equals(e.key())).findFirst().orElseThrow();
        assertTrue(dead.reason().contains("NoResultException") && dead.reason().contains("5 attempts"), dead.reason());

        // The cause goes away: the notification is now stored.
        String pi = "pi_dlq_" + UUID.randomUUID().toString().substring(0, 8);
        String event = "{\"id\":\"" + key.substring(7) + "\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":"
                + "{\"id\":\"" + pi + "\",\"object\":\"payment_intent\",\"amount\":1000,\"currency\":\"gbp\"}}}";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO payment_notification (id, processor, event_id, event_type, payload, signed_at, received_at)
                VALUES (?, 'STRIPE', ?, 'payment_intent.succeeded', ?, now(), now())""")) {
            ps.setLong(1, notificationId);
            ps.setString(2, key.substring(7));
            ps.setBytes(3, event.getBytes(StandardCharsets.UTF_8));
            ps.executeUpdate();
        }

        deadLetters.replay(Queue.PAYMENT_NOTIFICATIONS, key);

        Eventually.await("replayed notification applied", Duration.ofSeconds(20),
                () -> "APPLIED".equals(query("SELECT outcome FROM payment_notification WHERE id = " + notificationId)));
        assertTrue(deadLetters.list(Queue.PAYMENT_NOTIFICATIONS, 1000).stream().noneMatch(e -> key.equals(e.key())), "gone from the DLQ");
        assertThrows(RuleViolation.class, () -> deadLetters.replay(Queue.PAYMENT_NOTIFICATIONS, key), "a second Replay finds nothing");
        assertEquals("1", query("SELECT COUNT(*) FROM processor_payment WHERE payment_intent = '" + pi + "'"));
    }

    private String query(String sql) {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
