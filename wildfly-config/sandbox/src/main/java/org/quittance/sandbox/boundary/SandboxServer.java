package org.quittance.sandbox.boundary;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import org.flywaydb.core.Flyway;
import org.quittance.sandbox.control.CheckoutPage;
import org.quittance.sandbox.control.FormBody;
import org.quittance.sandbox.control.SandboxSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * The sandbox payment processor's HTTP face, on its own port: the Stripe-shaped API under /v1 and
 * the hosted card page under /pay. Requests are served by the server's managed executor and handed
 * to {@link SandboxApi}. Request bodies are never logged: the card page's body holds a card number.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SandboxServer {

    private static final Logger LOG = Logger.getLogger(SandboxServer.class.getName());
    private static final int MAX_BODY = 64 * 1024;
    /** Settling thousands of charges in one call (tests, benchmarks). */
    private static final int MAX_HELPER_BODY = 16 * 1024 * 1024;

    @EJB
    SandboxApi api;

    @EJB
    SandboxWebhooks webhooks;

    @EJB
    SandboxSettlements settlements;

    @EJB
    SandboxTestHelpers helpers;

    @Resource
    ManagedExecutorService executor;

    private HttpServer server;

    @Resource(lookup = "java:jboss/datasources/QuittanceDS")
    DataSource dataSource;

    @PostConstruct
    void start() {
        // Its own records in its own schema, under its own migrations: a server without the sandbox has none.
        Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .schemas("sandbox")
                .createSchemas(true)
                .locations("classpath:db/sandbox")
                .load()
                .migrate();
        try {
            server = HttpServer.create(new InetSocketAddress(SandboxSettings.bind(), SandboxSettings.port()), 64);
        } catch (IOException e) {
            LOG.warning("The sandbox payment processor cannot listen on " + SandboxSettings.bind() + ":" + SandboxSettings.port()
                    + " (" + e.getMessage() + "): sandbox card payments will not work until the port is free.");
            return;
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        LOG.info("Sandbox payment processor (test mode) at " + SandboxSettings.url() + ", webhooks to " + SandboxSettings.webhookUrl());
    }

    /** Debits settle when their day comes in real time too, not only when the clock is moved on. */
    @jakarta.ejb.Schedule(hour = "*", minute = "*", persistent = false)
    void settleDueDebits() {
        if (api.settleDebits() > 0) {
            webhooks.deliverSoon();
        }
    }

        @PreDestroy
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange exchange) {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.startsWith("/v1/")) {
                api(exchange, method, path);
            } else if (path.startsWith("/pay/")) {
                page(exchange, method, path.substring("/pay/".length()));
            } else if (path.equals("/")) {
                html(exchange, 200, CheckoutPage.home(api.firmCurrency(), clockText(), api.debitsInFlight()));
            } else if (path.equals("/clock") && "POST".equals(method)) {
                String days = FormBody.parse(body(exchange)).getOrDefault("days", "");
                if (!days.matches("\\d{1,3}") || Integer.parseInt(days) < 1 || Integer.parseInt(days) > 366) {
                    html(exchange, 400, CheckoutPage.message("Not moved", "Give a number of days from 1 to 366."));
                    return;
                }
                int settled = api.advanceClock(Integer.parseInt(days));
                webhooks.deliverSoon();
                html(exchange, 200, CheckoutPage.message("Clock moved on", "Sandbox time is now " + clockText() + "; "
                        + settled + (settled == 1 ? " bank debit" : " bank debits") + " settled or returned."));
            } else if (path.equals("/payouts") && "POST".equals(method)) {
                String currency = FormBody.parse(body(exchange)).getOrDefault("currency", api.firmCurrency());
                SandboxSettlements.Paid paid = settlements.payOut(currency, Instant.now());
                html(exchange, 200, paid.payoutId() == null
                        ? CheckoutPage.message("No payout", "Nothing settled in " + currency + " is waiting to be paid out.")
                        : CheckoutPage.message("Payout " + paid.payoutId(), paid.transactions() + " settled transactions paid out to the"
                        + " firm's bank: " + currency + " " + BigDecimal.valueOf(paid.amountMinor(),
                        Currency.getInstance(currency).getDefaultFractionDigits()).toPlainString() + "."));
            } else {
                html(exchange, 404, CheckoutPage.message("Not found", "There is no page here."));
            }
        } catch (RuntimeException | IOException e) {
            LOG.log(Level.WARNING, "Sandbox request " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " failed", e);
            try {
                send(exchange, 500, "application/json", SandboxApi.error(500, "api_error", null, "The sandbox failed: " + e.getClass().getSimpleName()).body());
            } catch (IOException ignored) {
                // the client is gone
            }
        } finally {
            exchange.close();
        }
    }

    private void api(HttpExchange exchange, String method, String path) throws IOException {
        exchange.getResponseHeaders().set("Request-Id", "req_" + UUID.randomUUID().toString().replace("-", ""));
        exchange.getResponseHeaders().set("Stripe-Version", SandboxApi.API_VERSION);
        SandboxApi.Answer refused = api.refuseUnlessSandboxKey(exchange.getRequestHeaders().getFirst("Authorization"));
        SandboxApi.Answer answer;
        if ("POST".equals(method) && path.startsWith("/v1/test_helpers/")) {
            // The dashboard's and the test clock's part: it issues the keys, so it needs none. The
            // sandbox listens on the loopback interface unless told otherwise.
            answer = helpers.answer(path, body(exchange, MAX_HELPER_BODY));
        } else if (refused != null) {
            answer = refused;
        } else if ("POST".equals(method)) {
            answer = api.post(path, body(exchange), exchange.getRequestHeaders().getFirst("Idempotency-Key"));
        } else if ("GET".equals(method)) {
            String query = exchange.getRequestURI().getRawQuery();
            answer = api.get(path, FormBody.parse(query));
        } else {
            answer = SandboxApi.error(405, "invalid_request_error", null, "Method not allowed.");
        }
        if (exchange.getRequestHeaders().getFirst("Idempotency-Key") != null) {
            exchange.getResponseHeaders().set("Idempotency-Key", exchange.getRequestHeaders().getFirst("Idempotency-Key"));
        }
        send(exchange, answer.status(), "application/json", answer.body());
    }

    private String clockText() {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .format(Instant.ofEpochSecond(api.clock()).atZone(java.time.ZoneOffset.UTC));
    }

    private void page(HttpExchange exchange, String method, String sessionId) throws IOException {
        if (sessionId.endsWith("/debit")) {
            if (!"POST".equals(method)) {
                html(exchange, 405, CheckoutPage.message("Not allowed", "Use the form."));
                return;
            }
            // Like the card form's body, the debit form's is never logged: it holds an account number.
            SandboxApi.PayResult result = api.debit(sessionId.substring(0, sessionId.length() - "/debit".length()), FormBody.parse(body(exchange)));
            webhooks.deliverSoon();
            if (result.redirect() != null) {
                exchange.getResponseHeaders().set("Location", result.redirect());
                exchange.sendResponseHeaders(303, -1);
            } else {
                html(exchange, 400, result.page());
            }
            return;
        }
        if ("GET".equals(method)) {
            html(exchange, 200, api.page(sessionId));
            return;
        }
        if (!"POST".equals(method)) {
            html(exchange, 405, CheckoutPage.message("Not allowed", "Use the form."));
            return;
        }
        Map<String, String> form = FormBody.parse(body(exchange));
        SandboxApi.PayResult result = api.pay(sessionId, form.get("number"), form.get("expiry"), form.get("cvc"), form.get("name"));
        webhooks.deliverSoon();  // after pay() committed: events of a refusal are delivered too
        if (result.redirect() != null) {
            exchange.getResponseHeaders().set("Location", result.redirect());
            exchange.sendResponseHeaders(303, -1);
        } else {
            html(exchange, 402, result.page());
        }
    }

    private static String body(HttpExchange exchange) throws IOException {
        return body(exchange, MAX_BODY);
    }

    private static String body(HttpExchange exchange, int limit) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new IOException("request body larger than " + limit + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static void html(HttpExchange exchange, int status, String html) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
        send(exchange, status, "text/html; charset=utf-8", html);
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
