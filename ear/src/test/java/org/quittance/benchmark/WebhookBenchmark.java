package org.quittance.benchmark;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.payments.entity.ProcessorKind;
import org.quittance.it.BillingFixtures;
import org.quittance.it.Deployments;
import org.quittance.it.Eventually;
import org.quittance.payments.stripe.StripeSignature;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Benchmark, not a test (benchmarks/webhooks.sh): N distinct signed Stripe events, each sent twice,
 * from C concurrent senders to /portal/webhooks/stripe. Reports the sustained accepted rate and the
 * p50/p99 answer times, then checks that every event was stored and applied exactly once.
 */
@ExtendWith(ArquillianExtension.class)
class WebhookBenchmark {

    private static final String SECRET = "whsec_benchmark_0123456789";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.quittanceWith(Deployments.testModule(WebhookBenchmark.class, BillingFixtures.class, BillingFixtures.Scenario.class)
                .addAsResource(new StringAsset(System.getProperty("benchmark.events", "5000")), "benchmark-events.txt"));
    }

    @EJB BillingFixtures fixtures;
    @EJB FirmSettings settings;
    @EJB org.quittance.payments.boundary.PaymentAccounts accounts;
    @Resource(lookup = "java:jboss/datasources/QuittanceDS") DataSource dataSource;

    @Test
    void signedNotifications() throws Exception {
        int events = Integer.parseInt(new String(getClass().getClassLoader().getResourceAsStream("benchmark-events.txt").readAllBytes()).trim());
        int senders = 8;
        fixtures.firmWithPortalInvoicing(true);
        accounts.connectPaymentAccount(ProcessorKind.SANDBOX, false, "Sandbox", null, null, SECRET);
        StripeSignature signer = new StripeSignature(SECRET, Duration.ofSeconds(300));
        String run = UUID.randomUUID().toString().substring(0, 8);
        URI endpoint = URI.create("http://localhost:" + (8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0)) + "/portal/webhooks/stripe");

        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            bodies.add(("{\"id\":\"evt_bm" + run + "_" + i + "\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":"
                    + "{\"id\":\"pi_bm" + run + "_" + i + "\",\"object\":\"payment_intent\",\"amount\":12345,\"currency\":\"gbp\",\"status\":\"succeeded\"}}}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        List<byte[]> sends = new ArrayList<>(bodies);
        sends.addAll(bodies);  // every event twice, as processors do on a lost answer
        Collections.shuffle(sends);

        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(senders)).build();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < sends.size(); i = next.getAndIncrement()) {
                    byte[] body = sends.get(i);
                    HttpRequest request = HttpRequest.newBuilder(endpoint)
                            .header("Content-Type", "application/json")
                            .header("Stripe-Signature", signer.header(Instant.now().getEpochSecond(), body))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        latencies.add(System.nanoTime() - t0);
                        if (response.statusCode() != 200) failures.incrementAndGet();
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) w.get();
        long answered = System.nanoTime();
        pool.shutdown();

        Eventually.await("all applied", Duration.ofMinutes(10), () -> count("SELECT COUNT(*) FROM payment_notification WHERE event_id LIKE ? AND outcome = 'APPLIED'",
                "evt_bm" + run + "_%") == events);
        long applied = System.nanoTime();

        long stored = count("SELECT COUNT(*) FROM payment_notification WHERE event_id LIKE ?", "evt_bm" + run + "_%");
        long paymentsMade = count("SELECT COUNT(*) FROM processor_payment WHERE payment_intent LIKE ?", "pi_bm" + run + "_%");
        long changes = count("SELECT COUNT(*) FROM processor_payment_change c JOIN processor_payment p ON p.id = c.payment_id WHERE p.payment_intent LIKE ?",
                "pi_bm" + run + "_%");
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double seconds = (answered - start) / 1e9;
        System.out.printf("%nBENCHMARK webhooks: %d distinct events, each sent twice (%d requests), %d senders%n", events, sends.size(), senders);
        System.out.printf("  requests answered                %8.0f /s (%d non-200)%n", sends.size() / seconds, failures.get());
        System.out.printf("  distinct events accepted         %8.0f /s%n", events / seconds);
        System.out.printf("  answer time p50 / p99 / max      %8.1f / %.1f / %.1f ms%n", ms(sorted, 0.50), ms(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
        System.out.printf("  all applied to payments after    %8.1f s%n", (applied - start) / 1e9);
        System.out.printf("  stored %d, payments %d, changes %d (expected %d each)%n%n", stored, paymentsMade, changes, events);
        assertEquals(0, failures.get());
        assertEquals(events, stored);
        assertEquals(events, paymentsMade);
        assertEquals(events, changes);
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }

    private long count(String sql, String pattern) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, pattern);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
