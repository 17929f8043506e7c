package org.quittance.sandbox.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.quittance.sandbox.control.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.quittance.sandbox.control.FormBody;
import org.quittance.sandbox.control.SandboxFaults;

import java.io.StringReader;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a processor's dashboard and test clock do, as HTTP under /v1/test_helpers (as Stripe names its
 * own): register an account, settle charges nobody paid on the page, pay out, refund, close a
 * dispute, deliver pending notifications now, and have faults. The tests and the demo drive the
 * sandbox only through these, as they would a real processor's test mode.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)  // each step commits on its own, before notifications go out
public class SandboxTestHelpers {

    @EJB
    SandboxApi api;

    @EJB
    SandboxSettlements settlements;

    @EJB
    SandboxWebhooks webhooks;

    public SandboxApi.Answer answer(String path, String body) {
        String helper = path.substring("/v1/test_helpers/".length());
        return switch (helper) {
            case "accounts" -> api.registerAccount(FormBody.parse(body));
            case "settlements" -> settle(body);
            case "payouts" -> payOut(FormBody.parse(body));
            case "refunds" -> api.post("/v1/refunds", body, null);
            case "disputes/close" -> closeDispute(FormBody.parse(body));
            case "clock/advance" -> advanceClock(FormBody.parse(body));
            case "webhooks/deliver" -> ok(Jsons.createObjectBuilder().add("delivered", webhooks.deliverPending()).build());
            case "faults" -> {
                int rateLimited = SandboxFaults.set(FormBody.parse(body));
                yield ok(Jsons.createObjectBuilder().add("chaos", SandboxFaults.chaos()).add("lose_events", SandboxFaults.losesEvents())
                        .add("rate_limited", rateLimited).build());
            }
            default -> SandboxApi.error(404, "invalid_request_error", null, "Unrecognized test helper (POST: " + path + ").");
        };
    }

    /** {"charges": [{"amount": 1234, "currency": "GBP", "created": epoch seconds, "payment_intent", "metadata", "description"}]} */
    private SandboxApi.Answer settle(String body) {
        List<SandboxSettlements.Simulated> simulated;
        try (var reader = Jsons.createReader(new StringReader(body))) {
            simulated = reader.readObject().getJsonArray("charges").getValuesAs(JsonObject.class).stream()
                    .map(c -> new SandboxSettlements.Simulated(c.getJsonNumber("amount").longValueExact(), c.getString("currency"),
                            Instant.ofEpochSecond(c.getJsonNumber("created").longValueExact()), text(c, "payment_intent"), metadata(c),
                            text(c, "description")))
                    .toList();
        } catch (RuntimeException e) {
            return SandboxApi.error(400, "invalid_request_error", "charges",
                    "Give {\"charges\": [{\"amount\", \"currency\", \"created\", ...}]} as JSON.");
        }
        JsonArrayBuilder ids = Jsons.createArrayBuilder();
        settlements.settle(simulated).forEach(ids::add);
        return ok(Jsons.createObjectBuilder().add("ids", ids).build());
    }

    private SandboxApi.Answer payOut(Map<String, String> form) {
        String currency = form.getOrDefault("currency", api.firmCurrency());
        Instant at = form.containsKey("at") ? Instant.ofEpochSecond(Long.parseLong(form.get("at"))) : Instant.now();
        SandboxSettlements.Paid paid = settlements.payOut(currency, at);
        return ok(Jsons.createObjectBuilder().add("id", paid.payoutId() == null ? JsonValue.NULL : Jsons.createValue(paid.payoutId()))
                .add("amount", paid.amountMinor()).add("transactions", paid.transactions()).build());
    }

    /** days=N: the sandbox's clock for bank debits moves on; what is due by then settles, and its events go out. */
    private SandboxApi.Answer advanceClock(Map<String, String> form) {
        int settled;
        try {
            settled = api.advanceClock(Long.parseLong(form.getOrDefault("days", "")));
        } catch (IllegalArgumentException e) {
            return SandboxApi.error(400, "invalid_request_error", "days", "Give days=N, from 1 to 366.");
        }
        webhooks.deliverPending();
        return ok(Jsons.createObjectBuilder().add("clock", api.clock()).add("settled", settled).build());
    }

    private SandboxApi.Answer closeDispute(Map<String, String> form) {
        String intent = form.get("payment_intent");
        if (intent == null) {
            return SandboxApi.error(400, "invalid_request_error", "payment_intent", "Missing required param: payment_intent.");
        }
        api.closeDispute(intent, "true".equals(form.get("won")));
        return ok(Jsons.createObjectBuilder().add("payment_intent", intent).add("status", "true".equals(form.get("won")) ? "won" : "lost").build());
    }

    private static String text(JsonObject o, String key) {
        return o.get(key) instanceof JsonString s ? s.getString() : null;
    }

    private static Map<String, String> metadata(JsonObject charge) {
        Map<String, String> metadata = new HashMap<>();
        if (charge.get("metadata") instanceof JsonObject m) {
            m.forEach((k, v) -> metadata.put(k, v instanceof JsonString s ? s.getString() : v.toString()));
        }
        return metadata;
    }

    private static SandboxApi.Answer ok(JsonObject object) {
        return new SandboxApi.Answer(200, object.toString());
    }
}
