package org.quittance.it;

import jakarta.batch.runtime.BatchStatus;
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
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.receipts.boundary.ReceiptImport;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A real crash: a second server is killed with SIGKILL while it imports 10,000 settled payments,
 * publishes 200 invoices and takes a burst of signed webhooks, and is started again. At start it
 * marks the import as interrupted and continues it from its checkpoint, and finishes the publish
 * run; the queued notifications survive in its journal. Afterwards: exactly 10,000 receipts, each
 * invoice published once with one e-mail per recipient, every acknowledged notification applied
 * once (and the ones the kill cut off, sent again as the processor would, applied once too).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashIT {

    private static final String SERVER = "crashable";
    private static final String DEPLOYMENT = "crash";
    private static final int PAYMENTS = 10_000;
    private static final int INVOICES = 200;
    private static final int EVENTS = 400;
    private static final String SECRET = "whsec_crash_0123456789abcdef";
    private static final String PUBLISHER = Deployments.TEST_ADMIN;  // runs are started by the caller the EJBs see
    /** The crash test's payments settle after this day; ReceiptsIT's before it, so the two never mix. */
    private static final Instant CRASH_DAYS = Instant.parse("2001-01-01T00:00:00Z").plus(7_000, ChronoUnit.DAYS);

    @ArquillianResource
    ContainerController controller;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false)
    @TargetsContainer(SERVER)
    static EnterpriseArchive deployment() {
        return Deployments.quittanceWith(CrashIT.class);
    }

    @EJB BillingFixtures fixtures;
    @EJB FirmSettings settings;
    @EJB ReceiptImport receiptImport;
    @EJB org.quittance.billing.boundary.Publishing publishing;

    @PersistenceContext(unitName = "quittance")
    EntityManager em;

    @Test
    @Order(1)
    @RunAsClient
    void theServerStarts() {
        controller.start(SERVER);
        deployer.deploy(DEPLOYMENT);
    }

    @Test
    @Order(2)
    @OperateOnDeployment(DEPLOYMENT)
    void anImportOfTenThousandPaymentsIsUnderWay() {
        fixtures.firmWithPortalInvoicing(true);
        fixtures.sandboxAccount(SECRET);
        java.util.Set<Long> invoices = new java.util.HashSet<>();
        for (int c = 0; c < INVOICES / 10; c++) {
            BillingFixtures.Scenario client = fixtures.client(true);
            for (int i = 0; i < 10; i++) {
                invoices.add(fixtures.finalInvoice(client).id());
            }
        }
        Instant day = CRASH_DAYS.plus(ThreadLocalRandom.current().nextInt(0, 2_000), ChronoUnit.DAYS);
        List<SandboxClient.Charge> charges = new ArrayList<>(PAYMENTS);
        for (int i = 0; i < PAYMENTS; i++) {
            charges.add(new SandboxClient.Charge(1234, "GBP", day.plusSeconds(i * 86_400L / PAYMENTS), null, Map.of(), "Crash payment " + i));
        }
        SandboxClient.settle(charges);
        long execution = receiptImport.start(day, day.plus(1, ChronoUnit.DAYS));
        // Some chunks committed, most of the import still to come when the server dies.
        Eventually.await("the import under way", Duration.ofSeconds(60), () -> receiptImport.progress(execution).read() >= 1_000);
        assertTrue(receiptImport.progress(execution).running());
        long run = publishing.start(invoices);
        assertFalse(publishing.progress(run).finished());
    }

    @Test
    @Order(3)
    @RunAsClient
    void theServerIsKilledAndStartedAgain() throws Exception {
        // A burst of notifications, and the kill when about a third of them are acknowledged.
        List<byte[]> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            events.add(("{\"id\":\"evt_crashburst_" + i + "\",\"object\":\"event\",\"api_version\":\"2026-07-29.dahlia\","
                    + "\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":{\"id\":\"pi_crashburst_" + i + "\","
                    + "\"object\":\"payment_intent\",\"amount\":" + (1000 + i) + ",\"currency\":\"gbp\",\"status\":\"succeeded\"}}}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        java.util.Set<Integer> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(8);
        for (int i = 0; i < EVENTS; i++) {
            int n = i;
            senders.submit(() -> {
                if (post(events.get(n)) == 200) {
                    acknowledged.add(n);
                }
            });
        }
        Eventually.await("a third of the burst acknowledged", Duration.ofSeconds(60), () -> acknowledged.size() >= EVENTS / 3);

        ProcessHandle wildfly = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("it-crash-server") && c.contains("jboss-modules")).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("the crash test's server is not running"));
        wildfly.destroyForcibly();  // SIGKILL: no shutdown, no last commit
        wildfly.onExit().get();
        try {
            controller.kill(SERVER);  // Arquillian's own bookkeeping: the process is gone already
        } catch (RuntimeException alreadyDead) {
            // stopping a dead server may report that it could not be reached; it is stopped all the same
        }
        controller.start(SERVER);
        senders.shutdownNow();
        senders.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(acknowledged.size() < EVENTS, "the kill cut the burst off");

        // The processor sends again what it got no answer for; what was acknowledged must not need it.
        for (int i = 0; i < EVENTS; i++) {
            if (!acknowledged.contains(i)) {
                assertEquals(200, post(events.get(i)), "event " + i + " sent again");
            }
        }
    }

    private static int post(byte[] body) {
        try {
            String signature = new org.quittance.payments.stripe.StripeSignature(SECRET, Duration.ofSeconds(300))
                    .header(Instant.now().getEpochSecond(), body);
            return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                    .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:8280/portal/webhooks/stripe"))
                                    .header("Content-Type", "application/json").header("Stripe-Signature", signature)
                                    .timeout(Duration.ofSeconds(20))
                                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException | InterruptedException e) {
            return -1;  // the server is gone
        }
    }

    @Test
    @Order(4)
    @OperateOnDeployment(DEPLOYMENT)
    void theInterruptedImportIsContinuedAndEveryPaymentIsOneReceipt() {
        @SuppressWarnings("unchecked")
        List<Object[]> interrupted = em.createNativeQuery("""
                        SELECT e.jobexecutionid, e.jobinstanceid FROM job_execution e
                        WHERE e.exitstatus LIKE 'INTERRUPTED%' ORDER BY e.jobexecutionid DESC""")
                .getResultList();
        Object[] crashed = interrupted.stream()
                .filter(e -> !Instant.parse(receiptImport.progress(((Number) e[0]).longValue()).from()).isBefore(CRASH_DAYS))
                .findFirst().orElseThrow(() -> new AssertionError("the import the kill interrupted is not marked as interrupted"));
        long instance = ((Number) crashed[1]).longValue();
        ReceiptImport.Progress before = receiptImport.progress(((Number) crashed[0]).longValue());
        Instant from = Instant.parse(before.from());
        Instant to = Instant.parse(before.to());

        Eventually.await("the import continued to its end", Duration.ofMinutes(3), () -> latestOf(instance).filter(p -> !p.running()).isPresent()
                && latestOf(instance).get().executionId() != before.executionId());
        ReceiptImport.Progress after = latestOf(instance).orElseThrow();
        assertEquals(BatchStatus.COMPLETED, after.status());
        assertEquals(PAYMENTS, count("SELECT COUNT(*) FROM receipt WHERE received_at >= ? AND received_at < ?", from, to), "every payment once");
        assertEquals(PAYMENTS, count("SELECT COUNT(DISTINCT settlement_id) FROM receipt WHERE received_at >= ? AND received_at < ?", from, to));
    }

    @Test
    @Order(5)
    @OperateOnDeployment(DEPLOYMENT)
    void theInterruptedPublishRunIsFinishedEachInvoiceOnce() {
        long run = ((Number) em.createNativeQuery("SELECT id FROM publish_run WHERE started_by = ? ORDER BY id DESC LIMIT 1")
                .setParameter(1, PUBLISHER).getSingleResult()).longValue();
        Eventually.await("the publish run finished", Duration.ofMinutes(2), () -> publishing.progress(run).finished());
        assertEquals(INVOICES, publishing.progress(run).published());
        // Those published before the kill whose wake-up died with the broker's memory are queued again by
        // the sweeper once they have waited two minutes.
        Eventually.await("every published version made", Duration.ofMinutes(5), () -> scalar("""
                SELECT COUNT(*) FROM published_invoice p JOIN publish_run_item i ON i.invoice_id = p.invoice_id WHERE i.run_id = ?""", run) == INVOICES);
        assertEquals(0L, scalar("""
                SELECT COUNT(*) FROM (SELECT p.invoice_id FROM published_invoice p JOIN publish_run_item i ON i.invoice_id = p.invoice_id
                WHERE i.run_id = ? GROUP BY p.invoice_id HAVING COUNT(*) > 1) twice""", run), "no invoice published twice");
        Eventually.await("one e-mail per invoice and recipient", Duration.ofMinutes(1), () -> scalar("""
                SELECT COUNT(*) FROM mail_outbox m JOIN publish_run_item i ON m.message_key LIKE 'invoice-published:' || i.invoice_id || ':%'
                WHERE i.run_id = ?""", run) == INVOICES);
    }

    @Test
    @Order(6)
    @OperateOnDeployment(DEPLOYMENT)
    void everyNotificationIsAppliedOnce() {
        // Those whose message the kill left in doubt are queued again by the inbox after two minutes.
        Eventually.await("every notification applied", Duration.ofMinutes(6), () -> scalar("""
                SELECT COUNT(*) FROM payment_notification WHERE event_id LIKE 'evt_crashburst_%' AND outcome = 'APPLIED'""") == EVENTS);
        assertEquals(EVENTS, scalar("SELECT COUNT(*) FROM payment_notification WHERE event_id LIKE 'evt_crashburst_%'"), "each kept once");
        assertEquals(EVENTS, scalar("SELECT COUNT(*) FROM processor_payment WHERE payment_intent LIKE 'pi_crashburst_%'"), "one payment each");
        assertEquals(EVENTS, scalar("""
                SELECT COUNT(*) FROM processor_payment_change c JOIN processor_payment p ON p.id = c.payment_id
                WHERE p.payment_intent LIKE 'pi_crashburst_%'"""), "each applied once");
    }

    private long scalar(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    @Test
    @Order(7)
    @RunAsClient
    void theServerStops() {
        deployer.undeploy(DEPLOYMENT);
        controller.stop(SERVER);
    }

    private java.util.Optional<ReceiptImport.Progress> latestOf(long instance) {
        List<?> ids = em.createNativeQuery("SELECT jobexecutionid FROM job_execution WHERE jobinstanceid = ? ORDER BY jobexecutionid DESC LIMIT 1")
                .setParameter(1, instance).getResultList();
        return ids.stream().findFirst().map(id -> receiptImport.progress(((Number) id).longValue()));
    }

    private long count(String sql, Instant from, Instant to) {
        return ((Number) em.createNativeQuery(sql)
                .setParameter(1, OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .setParameter(2, OffsetDateTime.ofInstant(to, ZoneOffset.UTC)).getSingleResult()).longValue();
    }
}
