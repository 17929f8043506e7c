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
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.receipts.boundary.ReceiptImport;

import java.time.Duration;
import java.time.Instant;
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
        return Deployments.quittanceWith(CrashIT.class, ExactlyOnce.class);
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

        ExactlyOnce.kill(controller, SERVER, "it-crash-server");
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
        new ExactlyOnce(em).importEndsWithEveryPaymentOnce(receiptImport, ((Number) crashed[0]).longValue(), PAYMENTS, Duration.ofMinutes(3));
    }

    @Test
    @Order(5)
    @OperateOnDeployment(DEPLOYMENT)
    void theInterruptedPublishRunIsFinishedEachInvoiceOnce() {
        long run = ((Number) em.createNativeQuery("SELECT id FROM publish_run WHERE started_by = ? ORDER BY id DESC LIMIT 1")
                .setParameter(1, PUBLISHER).getSingleResult()).longValue();
        new ExactlyOnce(em).publishRunEndsWithEachInvoiceOnce(publishing, run, INVOICES, Duration.ofMinutes(5));
    }

    @Test
    @Order(6)
    @OperateOnDeployment(DEPLOYMENT)
    void everyNotificationIsAppliedOnce() {
        // Those whose message the kill left in doubt are queued again by the inbox after two minutes.
        new ExactlyOnce(em).notificationsAppliedOnce("crashburst", EVENTS, Duration.ofMinutes(6));
    }

    @Test
    @Order(7)
    @RunAsClient
    void theServerStops() {
        deployer.undeploy(DEPLOYMENT);
        controller.stop(SERVER);
    }
}
