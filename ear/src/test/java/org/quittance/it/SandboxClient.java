package org.quittance.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.quittance.platform.control.Settings;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The tests' hands on the sandbox processor, which is an archive of its own beside Quittance: its
 * hosted card page and its test helpers (dashboard, clock, faults), over HTTP only, as a person or a
 * test would drive a real processor's test mode. Runs in the server, where the sandbox's address is
 * the product's own setting.
 */
public final class SandboxClient {

    /** A charge settled without anyone paying on the page, whose notifications never came. */
    public record Charge(long amountMinor, String currency, Instant created, String paymentIntent, Map<String, String> metadata,
                         String description) {
    }

    /** A payout the sandbox made: no id when nothing was waiting. */
    public record Payout(String id, long amountMinor, int transactions) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int SETTLE_BATCH = 5_000;

    private SandboxClient() {
    }

    /**
     * Pays on the hosted page as a person would: posts the card form.
     * @return where the page sends the payer back to (the merchant's success address), or null when it
     *         shows the form again with a refusal
     */
    public static String pay(String sessionId, String number, String expiry, String cvc, String name) {
        HttpResponse<String> response = post("/pay/" + sessionId, "application/x-www-form-urlencoded",
                form(Map.of("number", number, "expiry", expiry, "cvc", cvc, "name", name)));
        if (response.statusCode() == 303) {
            return response.headers().firstValue("Location").orElseThrow();
        }
        if (response.statusCode() != 402) {
            throw new IllegalStateException("The card page answered HTTP " + response.statusCode() + ": " + response.body());
        }
        return null;
    }

    /**
     * Pays by Bacs Direct Debit on the hosted page (sort code 10-88-00), the mandate ticked.
     * @return where the page sends the payer back to, or null when it shows the form again with a refusal
     */
    public static String debit(String sessionId, String accountNumber) {
        HttpResponse<String> response = post("/pay/" + sessionId + "/debit", "application/x-www-form-urlencoded",
                form(Map.of("holder", "IT", "sort_code", "10-88-00", "account_number", accountNumber, "mandate", "yes")));
        return response.statusCode() == 303 ? response.headers().firstValue("Location").orElseThrow() : null;
    }

    /**
     * The sandbox's clock for bank debits moves on this many days: what is due settles (or is returned by
     * the bank), and the notifications go out before it answers. @return how many debits moved
     */
    public static int advanceClock(int days) {
        // Read without a JSON provider: the browser tests call this from the client's JVM, which has none.
        HttpResponse<String> response = post("/v1/test_helpers/clock/advance", "application/x-www-form-urlencoded",
                form(Map.of("days", String.valueOf(days))));
        java.util.regex.Matcher settled = java.util.regex.Pattern.compile("\"settled\":(\\d+)").matcher(response.body());
        if (response.statusCode() != 200 || !settled.find()) {
            throw new IllegalStateException("The sandbox's clock did not move: HTTP " + response.statusCode() + " " + response.body());
        }
        return Integer.parseInt(settled.group(1));
    }

    /** Delivers the notifications waiting now, as the sandbox's schedule would a moment later. @return how many were accepted */
    public static int deliverWebhooks() {
        return helper("webhooks/deliver", "").getInt("delivered");
    }

    /** @return the ids of the balance transactions made, in order */
    public static List<String> settle(List<Charge> charges) {
        List<String> ids = new ArrayList<>(charges.size());
        for (int from = 0; from < charges.size(); from += SETTLE_BATCH) {
            JsonArrayBuilder batch = Json.createArrayBuilder();
            charges.subList(from, Math.min(from + SETTLE_BATCH, charges.size())).forEach(c -> batch.add(json(c)));
            JsonObject answer = helperJson("settlements", Json.createObjectBuilder().add("charges", batch).build().toString());
            answer.getJsonArray("ids").getValuesAs(JsonString.class).forEach(s -> ids.add(s.getString()));
        }
        return ids;
    }

    /** Pays out everything settled in this currency before {@code at}, as the processor's automatic payouts do. */
    public static Payout payOut(String currency, Instant at) {
        JsonObject paid = helper("payouts", form(Map.of("currency", currency, "at", String.valueOf(at.getEpochSecond()))));
        return new Payout(paid.isNull("id") ? null : paid.getString("id"), paid.getJsonNumber("amount").longValue(), paid.getInt("transactions"));
    }

    /** A refund made on the processor's dashboard, not from Quittance. @return the HTTP status */
    public static int refundOnTheDashboard(String paymentIntent, long amountMinor) {
        return post("/v1/test_helpers/refunds", "application/x-www-form-urlencoded",
                form(Map.of("payment_intent", paymentIntent, "amount", String.valueOf(amountMinor)))).statusCode();
    }

    /** The card network decides the payment's open dispute. */
    public static void closeDispute(String paymentIntent, boolean won) {
        helper("disputes/close", form(Map.of("payment_intent", paymentIntent, "won", String.valueOf(won))));
    }

    /** From now on, the list of settled transactions fails after this many pages. */
    public static void failListingAfterPages(int pages) {
        faults(Map.of("list_fails_after_pages", String.valueOf(pages)));
    }

    /** From now on, every notification is delivered twice and each batch in reverse order. */
    public static void deliverTwiceAndOutOfOrder() {
        faults(Map.of("chaos", "true"));
    }

    /** From now on, every notification is lost on the way (marked delivered, never sent). */
    public static void loseNotifications() {
        faults(Map.of("lose_events", "true"));
    }

    public static void noFaults() {
        faults(Map.of());
    }

    /** From now on, the list of settled transactions answers 429 beyond this many calls a second. */
    public static void rateLimitListing(int callsPerSecond) {
        faults(Map.of("list_rate_limit", String.valueOf(callsPerSecond)));
    }

    /** Back to no faults. @return how many list calls were answered 429 since the faults were set before */
    public static int noFaultsCountingRateLimited() {
        return faults(Map.of()).getInt("rate_limited");
    }

    private static JsonObject faults(Map<String, String> faults) {
        return helper("faults", form(faults));
    }

    private static JsonObject helper(String name, String form) {
        HttpResponse<String> response = post("/v1/test_helpers/" + name, "application/x-www-form-urlencoded", form);
        return answer(name, response);
    }

    private static JsonObject helperJson(String name, String json) {
        return answer(name, post("/v1/test_helpers/" + name, "application/json", json));
    }

    private static JsonObject answer(String name, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The sandbox's " + name + " answered HTTP " + response.statusCode() + ": " + response.body());
        }
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static JsonObject json(Charge c) {
        JsonObjectBuilder metadata = Json.createObjectBuilder();
        c.metadata().forEach(metadata::add);
        return Json.createObjectBuilder().add("amount", c.amountMinor()).add("currency", c.currency())
                .add("created", c.created().getEpochSecond())
                .add("payment_intent", c.paymentIntent() == null ? JsonValue.NULL : Json.createValue(c.paymentIntent()))
                .add("metadata", metadata)
                .add("description", c.description() == null ? JsonValue.NULL : Json.createValue(c.description())).build();
    }

    private static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> post(String path, String contentType, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Settings.sandboxApiBase() + path))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("The sandbox does not answer at " + Settings.sandboxApiBase() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
