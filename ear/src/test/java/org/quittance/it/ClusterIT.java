package org.quittance.it;

import jakarta.ejb.EJB;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quittance.billing.boundary.Publishing;
import org.quittance.it.browser.SessionFailover;
import org.quittance.payments.stripe.StripeSignature;
import org.quittance.receipts.boundary.ReceiptImport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes of a cluster (standalone-full-ha.xml as quittance-cluster.cli makes it) behind WildFly's own
 * balancer, on the one database. While node A imports 100,000 settled payments and publishes 1,000 invoices,
 * both nodes take a burst of 10,000 signed webhooks (8,000 events, 2,000 of them sent twice, shuffled) and
 * A serves a staff sign-in and an open portal form, node A is killed with SIGKILL: the sign-in and the
 * form go on on node B at once; B takes the import over when A's lease runs out and finishes it from its
 * checkpoint; the publish run and the notifications are finished once each; and A, started again,
 * doubles nothing.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String A = "node-a";
    private static final String B = "node-b";
    private static final String BALANCER = "balancer";
    private static final String THROUGH_BALANCER = "http://localhost:8580";
    private static final Map<String, Integer> HTTP_PORTS = Map.of(A, 8380, B, 8480);
    private static final int PAYMENTS = 100_000;
    private static final int INVOICES = 1_000;
    private static final int EVENTS = 8_000;
    private static final int SENT_TWICE = 2_000;
    private static final String SECRET = "whsec_cluster_0123456789abcdef";
    private static final String PUBLISHER = Deployments.TEST_ADMIN;
    /** How an import of a dead node A reads once another node has taken it over (InterruptedImports). */
    private static final String TAKEN_OVER = "INTERRUPTED: the node running this import (node-a) stopped; restarted on %";
    /** The cluster test's payments settle from this day on; CrashIT's before it. */
    private static final Instant CLUSTER_DAYS = Instant.parse("2001-01-01T00:00:00Z").plus(9_100, ChronoUnit.DAYS);

    /**
     * The cluster's e-mails are delivered for real, here, as the other tests' are (and do not wait for the next
     * class's). A Mailbox, known by an interface only: the in-container side of this class has no mail server.
     */
    private static AutoCloseable mailbox;
    /** A's browser sessions, open until A is killed (SessionFailover, known as AutoCloseable for the same reason). */
    private static AutoCloseable sessions;

    @ArquillianResource
    ContainerController controller;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = A, managed = false)
    @TargetsContainer(A)
    static EnterpriseArchive onNodeA() {
        return Deployments.quittanceWith(ClusterIT.class, ExactlyOnce.class);
    }

    @Deployment(name = B, managed = false)
    @TargetsContainer(B)
    static EnterpriseArchive onNodeB() {
        return Deployments.quittanceWith(ClusterIT.class, ExactlyOnce.class);
    }

    @EJB BillingFixtures fixtures;
    @EJB ReceiptImport receiptImport;
    @EJB Publishing publishing;

    @PersistenceContext(unitName = "quittance")
    EntityManager em;

    @Test
    @Order(1)
    @RunAsClient
    void twoNodesAndTheBalancerComeUp() throws Exception {
        mailbox = Mailbox.open();
        controller.start(BALANCER);
        controller.start(A);
        deployer.deploy(A);
        controller.start(B);
        deployer.deploy(B);
        awaitInTheBalancer(A);
        awaitInTheBalancer(B);
    }

    @Test
    @Order(2)
    @RunAsClient
    void nodeAServesASignedInStaffSessionAndAnOpenPortalForm() {
        sessions = SessionFailover.openOn(THROUGH_BALANCER, A);
    }

    @Test
    @Order(3)
    @OperateOnDeployment(A)
    void nodeAImportsAndPublishes() {
        fixtures.firmWithPortalInvoicing(true);
        fixtures.sandboxAccount(SECRET);
        Set<Long> invoices = new HashSet<>();
        // Two clients only: the browser tests page through the demo firm's clients, which others must not push off page one.
        for (int c = 0; c < 2; c++) {
            BillingFixtures.Scenario client = fixtures.client(true);
            // Left out of payment reminders, as a firm may leave a client: PaymentRemindersIT runs the firm's whole
            // schedule, and a reminder for each of these thousand invoices would queue before its own mails.
            fixtures.execute("UPDATE client SET reminders = false WHERE id = ?", client.clientId());
            for (int i = 0; i < INVOICES / 2; i++) {
                invoices.add(fixtures.finalInvoice(client).id());
            }
        }
        Instant day = CLUSTER_DAYS.plus(ThreadLocalRandom.current().nextInt(0, 300), ChronoUnit.DAYS);
        List<SandboxClient.Charge> charges = new ArrayList<>(PAYMENTS);
        for (int i = 0; i < PAYMENTS; i++) {
            charges.add(new SandboxClient.Charge(1234, "GBP", day.plusMillis(i * 86_400_000L / PAYMENTS), null, Map.of(), "Cluster payment " + i));
        }
        SandboxClient.settle(charges);
        long execution = receiptImport.start(day, day.plus(1, ChronoUnit.DAYS));
        Eventually.await("the import under way", Duration.ofSeconds(60), () -> receiptImport.progress(execution).read() >= 1_000);
        long run = publishing.start(invoices);
        assertFalse(publishing.progress(run).finished());
    }

    @Test
    @Order(4)
    @RunAsClient
    void nodeAIsKilledWhileBothNodesTakeABurstOfWebhooks() throws Exception {
        List<byte[]> sends = new ArrayList<>(EVENTS + SENT_TWICE);
        for (int i = 0; i < EVENTS; i++) {
            byte[] event = ("{\"id\":\"evt_cluster_" + i + "\",\"object\":\"event\",\"api_version\":\"2026-07-29.dahlia\","
                    + "\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":{\"id\":\"pi_cluster_" + i + "\","
                    + "\"object\":\"payment_intent\",\"amount\":" + (1000 + i) + ",\"currency\":\"gbp\",\"status\":\"succeeded\"}}}")
                    .getBytes(StandardCharsets.UTF_8);
            sends.add(event);
            if (i < SENT_TWICE) {
                sends.add(event);
            }
        }
        Collections.shuffle(sends);
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        ExecutorService senders = Executors.newFixedThreadPool(16);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < sends.size(); i++) {
            int n = i;
            senders.submit(() -> {
                // As the processor does: what got no 2xx answer is sent again, until it does.
                for (Instant giveUp = Instant.now().plus(5, ChronoUnit.MINUTES); Instant.now().isBefore(giveUp); ) {
                    if (post(http, sends.get(n)) == 200) {
                        acknowledged.add(n);
                        return;
                    }
                    sleep(500);
                }
            });
        }
        // The kill: a part of the burst acknowledged, the import and the publish run under way on A.
        long published;
        long importing;
        try (Connection db = database()) {
            Eventually.await("a quarter of the invoices published, a part of the burst acknowledged", Duration.ofMinutes(3),
                    () -> acknowledged.size() >= 500 && publishedOf(db) >= INVOICES / 4);
            published = publishedOf(db);
            importing = scalar(db, """
                    SELECT COUNT(*) FROM job_execution e JOIN job_instance i ON i.jobinstanceid = e.jobinstanceid
                    WHERE i.jobname = ? AND e.batchstatus IN ('STARTING', 'STARTED')""", ReceiptImport.JOB);
        }
        int acknowledgedBefore = acknowledged.size();
        long takenOverBefore;
        try (Connection db = database()) {
            takenOverBefore = scalar(db, "SELECT COUNT(*) FROM job_execution WHERE exitstatus LIKE ?", TAKEN_OVER);
        }
        kill(A);
        assertEquals(1, importing, "the import was under way at the kill");
        assertTrue(acknowledgedBefore < sends.size(), "the burst was under way at the kill");
        assertTrue(published < INVOICES, "the publish run was under way at the kill: " + published + " published");
        // At once, not after any lease: the sessions were copied to B as they changed.
        AutoCloseable onA = sessions;
        sessions = null;
        SessionFailover.goOnOnAnotherNode(onA);
        senders.shutdown();
        assertTrue(senders.awaitTermination(6, TimeUnit.MINUTES), "every event acknowledged in the end");
        assertEquals(sends.size(), acknowledged.size());
        // A stays dead until another node has taken its import over and finished its publish run, once A's
        // leases ran out (A, started again before that, would take its own work back: the leases say it was A's).
        try (Connection db = database()) {
            Eventually.await("A's import taken over by another node", Duration.ofMinutes(3), () -> {
                try {
                    return scalar(db, "SELECT COUNT(*) FROM job_execution WHERE exitstatus LIKE ?", TAKEN_OVER) == takenOverBefore + 1;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Eventually.await("A's publish run finished by another node", Duration.ofMinutes(3), () -> {
                try {
                    return scalar(db, "SELECT COUNT(*) FROM publish_run WHERE started_by = ? AND finished_at IS NULL", PUBLISHER) == 0;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertEquals(0, scalar(db, "SELECT COUNT(*) FROM publish_run WHERE node = ? AND id = (SELECT MAX(id) FROM publish_run WHERE started_by = ?)",
                    A, PUBLISHER), "the run was taken over");
        }
        startAgain(A);
    }

    @Test
    @Order(5)
    @OperateOnDeployment(B)
    void theImportIsFinishedOnceByTheOtherNode() {
        List<?> taken = em.createNativeQuery("""
                        SELECT e.jobexecutionid, e.jobinstanceid, e.exitstatus FROM job_execution e
                        WHERE e.exitstatus LIKE ? ORDER BY e.jobexecutionid DESC LIMIT 1""").setParameter(1, TAKEN_OVER).getResultList();
        assertEquals(1, taken.size(), "the import node A ran is marked as taken over");
        Object[] crashed = (Object[]) taken.get(0);
        assertFalse(String.valueOf(crashed[2]).contains("restarted on node-a"), String.valueOf(crashed[2]));
        new ExactlyOnce(em).importEndsWithEveryPaymentOnce(receiptImport, ((Number) crashed[0]).longValue(), PAYMENTS, Duration.ofMinutes(4));
    }

    @Test
    @Order(6)
    @OperateOnDeployment(B)
    void thePublishRunIsFinishedEachInvoiceOnce() {
        long run = ((Number) em.createNativeQuery("SELECT MAX(id) FROM publish_run WHERE started_by = ?")
                .setParameter(1, PUBLISHER).getSingleResult()).longValue();
        new ExactlyOnce(em).publishRunEndsWithEachInvoiceOnce(publishing, run, INVOICES, Duration.ofMinutes(4));
    }

    @Test
    @Order(7)
    @OperateOnDeployment(B)
    void everyAcknowledgedNotificationIsKeptOnceAndAppliedOnce() {
        new ExactlyOnce(em).notificationsAppliedOnce("cluster", EVENTS, Duration.ofMinutes(5));
    }

    @Test
    @Order(8)
    @RunAsClient
    void theClusterStops() throws Exception {
        try (Connection db = database()) {
            Eventually.await("the outbox relayed", Duration.ofMinutes(5), () -> {
                try {
                    return scalar(db, "SELECT COUNT(*) FROM mail_outbox WHERE state = 'PENDING'") == 0;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        mailbox.close();
        if (sessions != null) {
            sessions.close();
        }
        deployer.undeploy(A);
        deployer.undeploy(B);
        controller.stop(A);
        controller.stop(B);
        controller.stop(BALANCER);
    }

    /** SIGKILL: no shutdown, no last commit, its journal's messages stranded until it is back. */
    private void kill(String node) {
        ExactlyOnce.kill(controller, node, "it-" + node + "/standalone");
    }

    /** The node as its service would start it again: its deployment comes back with it. */
    private void startAgain(String node) throws Exception {
        controller.start(node);
        awaitInTheBalancer(node);
    }

    /** The node answers, and the balancer sends new sessions to it (a session's id ends with its node's name). */
    private static void awaitInTheBalancer(String node) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        Eventually.await(node + " answers", Duration.ofMinutes(2), () -> status(http, "http://localhost:" + HTTP_PORTS.get(node) + "/portal/login.xhtml") == 200);
        Eventually.await("the balancer sends sessions to " + node, Duration.ofMinutes(1), () -> {
            for (int i = 0; i < 20; i++) {
                if (sessionNode(http).equals(node)) {
                    return true;
                }
            }
            return false;
        });
    }

    private static String sessionNode(HttpClient http) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(THROUGH_BALANCER + "/portal/login.xhtml")).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                    .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                    .map(c -> c.substring(c.lastIndexOf('.') + 1)).findFirst().orElse("");
        } catch (java.io.IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static int status(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int post(HttpClient http, byte[] body) {
        try {
            String signature = new StripeSignature(SECRET, Duration.ofSeconds(300)).header(Instant.now().getEpochSecond(), body);
            return http.send(HttpRequest.newBuilder(URI.create(THROUGH_BALANCER + "/portal/webhooks/stripe"))
                            .header("Content-Type", "application/json").header("Stripe-Signature", signature)
                            .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return -1;  // the node died under the request: sent again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + Integer.getInteger("quittance.it.db.port", 55432) + "/postgres",
                "postgres", "postgres");
    }

    private static long publishedOf(Connection db) {
        try {
            return scalar(db, """
                    SELECT COUNT(*) FROM published_invoice p JOIN publish_run_item i ON i.invoice_id = p.invoice_id
                    WHERE i.run_id = (SELECT MAX(id) FROM publish_run WHERE started_by = ?)""", PUBLISHER);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long scalar(Connection db, String sql, String... parameters) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
