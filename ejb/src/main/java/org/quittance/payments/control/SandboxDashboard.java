package org.quittance.payments.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.quittance.platform.control.RuleViolation;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Connecting the sandbox processor: what a person does on a real processor's dashboard (take the
 * keys it issues, tell it the webhook secret) done through the sandbox's test-helper API, so that the
 * demo and the tests connect it without copying keys. The sandbox keeps its own accounts; this is all
 * Quittance knows of it besides its address.
 */
public final class SandboxDashboard {

    /** The keys both sides hold from now on. */
    public record Keys(String secretKey, String publishableKey, String webhookSecret) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SandboxDashboard() {
    }

    private static void field(StringBuilder form, String name, String value) {
        if (value != null) {
            form.append(form.isEmpty() ? "" : "&").append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    /**
     * Registers the account at the sandbox: the keys given are kept (both sides go on agreeing), the
     * ones missing are issued. The business name and currency are the account's settings there (its
     * hosted page shows the name).
     * @throws RuleViolation when the sandbox does not answer
     */
    public static Keys register(String apiBase, String secretKey, String webhookSecret, String businessName, String currency) {
        StringBuilder form = new StringBuilder();
        field(form, "secret_key", secretKey);
        field(form, "webhook_secret", webhookSecret);
        field(form, "business_name", businessName);
        field(form, "default_currency", currency);
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiBase + "/v1/test_helpers/accounts"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new RuleViolation("The sandbox processor at " + apiBase + " refused to connect (HTTP " + response.statusCode() + ").");
            }
            JsonObject keys = Json.createReader(new StringReader(response.body())).readObject();
            return new Keys(keys.getString("secret_key"), keys.getString("publishable_key"), keys.getString("webhook_secret"));
        } catch (IOException e) {
            throw new RuleViolation("The sandbox processor does not answer at " + apiBase + ": it runs only where its archive (quittance-sandbox.war) is deployed, as by the run command.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuleViolation("Connecting the sandbox processor was interrupted.");
        }
    }
}
