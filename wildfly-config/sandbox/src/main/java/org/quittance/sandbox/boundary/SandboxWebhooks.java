package org.quittance.sandbox.boundary;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import org.quittance.sandbox.control.SandboxFaults;
import org.quittance.sandbox.control.SandboxSettings;
import org.quittance.sandbox.control.Sql;
import org.quittance.sandbox.control.SandboxSigner;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * Delivers the sandbox's events to our webhook endpoint, signed with the account's webhook secret,
 * at least once: right after a payment and then every 15 seconds until the endpoint answers 2xx,
 * backing off. With chaos on (a fault for tests) each batch goes in reverse order and every event
 * twice, as a real processor may do; with lost events on, each is marked delivered and never sent.
 */
@Singleton
public class SandboxWebhooks {

    private static final Logger LOG = Logger.getLogger(SandboxWebhooks.class.getName());

    @Resource(lookup = "java:jboss/datasources/QuittanceDS")
    DataSource dataSource;

    private Sql sql;

    @PostConstruct
    void connect() {
        sql = new Sql(dataSource);
    }

    @EJB
    SandboxApi api;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Asynchronous
    public void deliverSoon() {
        deliverPending();
    }

    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false)
    public void sweep() {
        deliverPending();
    }

    /** @return how many events the endpoint accepted */
    @Lock(LockType.WRITE)
    public int deliverPending() {
        List<Object[]> due = sql.rows("""
                SELECT seq, id, body, attempts FROM sandbox.events
                WHERE delivered_at IS NULL AND next_attempt <= now() ORDER BY seq LIMIT 200""");
        if (due.isEmpty()) {
            return 0;
        }
        String secret = api.webhookSecret();
        if (secret == null) {
            return 0;  // the account is no longer the sandbox's: nothing may be signed
        }
        List<Object[]> order = new ArrayList<>(due);
        if (SandboxFaults.losesEvents()) {
            order.forEach(event -> sql.update(
                    "UPDATE sandbox.events SET delivered_at = now(), last_error = 'lost (sandbox fault)' WHERE seq = ?", event[0]));
            return 0;
        }
        boolean chaos = SandboxFaults.chaos();
        if (chaos) {
            Collections.reverse(order);
        }
        SandboxSigner signer = new SandboxSigner(secret);
        int accepted = 0;
        for (Object[] event : order) {
            long seq = ((Number) event[0]).longValue();
            byte[] body = ((String) event[2]).getBytes(StandardCharsets.UTF_8);
            String first = post(signer, body);
            String failure = first == null && chaos ? post(signer, body) : first;
            if (failure == null) {
                accepted++;
                sql.update("UPDATE sandbox.events SET delivered_at = now(), attempts = attempts + 1, last_error = NULL WHERE seq = ?", seq);
            } else {
                int attempts = ((Number) event[3]).intValue() + 1;
                long backoff = Math.min(1L << Math.min(attempts, 12), 3600);
                sql.update("""
                                UPDATE sandbox.events SET attempts = ?, last_error = ?,
                                       next_attempt = now() + make_interval(secs => ?) WHERE seq = ?""",
                        attempts, failure, (double) backoff, seq);
                LOG.warning(() -> "Sandbox webhook " + event[1] + " not accepted (" + failure + "); retry in " + backoff + " s");
            }
        }
        return accepted;
    }

    /** @return null when the endpoint answered 2xx, else why not */
    private String post(SandboxSigner signer, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(SandboxSettings.webhookUrl()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Stripe-Signature", signer.header(Instant.now().getEpochSecond(), body))
                .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks) Quittance-Sandbox")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
        } catch (java.io.IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
