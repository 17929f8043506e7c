package org.quittance.sandbox.boundary;

import jakarta.ejb.Stateless;
import org.quittance.sandbox.control.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import org.quittance.sandbox.control.CheckoutPage;
import org.quittance.sandbox.control.FormBody;
import org.quittance.sandbox.control.SandboxKeys;
import org.quittance.sandbox.control.SandboxFaults;
import org.quittance.sandbox.control.SandboxSettings;
import org.quittance.sandbox.control.Sql;
import org.quittance.sandbox.control.TestBankAccounts;
import org.quittance.sandbox.control.TestCards;

import java.io.StringReader;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The sandbox processor's records and rules, in the shape of Stripe's API: customers, Checkout
 * Sessions, PaymentIntents, charges, balance transactions and the events that describe them. Only
 * what the Stripe adapter calls is served. It answers only the keys it issued (its own accounts, not
 * the firm's books). Card numbers and CVCs are looked at and forgotten: a charge keeps brand and
 * last four digits, as Stripe shows them.
 */
@Stateless
public class SandboxApi {

    public static final String API_VERSION = "2026-07-29.dahlia";

    /** An HTTP answer: a status and a JSON body (or HTML for the hosted page). */
    public record Answer(int status, String body) {
    }

    /** What the card form led to: a redirect back to the merchant, or the page again with the reason. */
    public record PayResult(String redirect, String page) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    @Resource(lookup = "java:jboss/datasources/QuittanceDS")
    DataSource dataSource;

    private Sql sql;

    @PostConstruct
    void connect() {
        sql = new Sql(dataSource);
    }

    /** @return null when the key is one the sandbox issued, else the error answer */
    public Answer refuseUnlessSandboxKey(String authorization) {
        String key = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7).trim() : null;
        boolean known = key != null && key.startsWith(SandboxKeys.SECRET_PREFIX) && key.length() <= 100
                && !sql.rows("SELECT 1 FROM sandbox.accounts WHERE secret_key = ?", key).isEmpty();
        if (!known) {
            return error(401, "invalid_request_error", null, "Invalid API Key provided: " + (key == null ? "none" : hint(key)));
        }
        return null;
    }

    /**
     * The sandbox's dashboard, as a test helper: registers (or renews) an account and answers its
     * keys. A key or secret the caller already holds is kept, so that both sides go on agreeing;
     * what it does not hold is issued. The account registered last signs the webhooks.
     */
    public Answer registerAccount(Map<String, String> form) {
        String secretKey = form.get("secret_key");
        if (secretKey == null || !secretKey.startsWith(SandboxKeys.SECRET_PREFIX) || secretKey.length() > 100) {
            secretKey = SandboxKeys.secretKey();
        }
        String webhookSecret = form.get("webhook_secret");
        if (webhookSecret == null || webhookSecret.isBlank() || webhookSecret.length() > 300) {
            webhookSecret = SandboxKeys.webhookSecret();
        }
        String business = form.getOrDefault("business_name", "");
        String currency = form.getOrDefault("default_currency", "");
        sql.update("""
                        INSERT INTO sandbox.accounts (secret_key, webhook_secret, registered_at, business_name, default_currency)
                        VALUES (?, ?, now(), ?, ?)
                        ON CONFLICT (secret_key) DO UPDATE SET webhook_secret = EXCLUDED.webhook_secret, registered_at = now(),
                            business_name = EXCLUDED.business_name, default_currency = EXCLUDED.default_currency""",
                secretKey, webhookSecret, business.isBlank() || business.length() > 200 ? null : business,
                currency.matches("[A-Z]{3}") ? currency : null);
        return ok(Jsons.createObjectBuilder().add("object", "test_helpers.account").add("secret_key", secretKey)
                .add("publishable_key", SandboxKeys.publishableKey()).add("webhook_secret", webhookSecret).build());
    }

    /** The secret the sandbox signs its webhooks with: the account registered last's, or null before any. */
    public String webhookSecret() {
        List<String> secrets = sql.strings("SELECT webhook_secret FROM sandbox.accounts ORDER BY registered_at DESC LIMIT 1");
        return secrets.isEmpty() ? null : secrets.get(0);
    }

    /** A POST, once per idempotency key: a retry gets the first answer; the key on another request is an error. */
    public Answer post(String path, String body, String idempotencyKey) {
        String request = "POST " + path;
        if (idempotencyKey != null) {
            sql.rows("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?))) l", "sandbox-idempotency:" + idempotencyKey);
            List<Object[]> prior = sql.rows("SELECT request, status, body FROM sandbox.idempotency_keys WHERE key = ?", idempotencyKey);
            if (!prior.isEmpty()) {
                if (!request.equals(prior.get(0)[0])) {
                    return error(400, "idempotency_error", null,
                            "Keys for idempotent requests can only be used for the same endpoint they were first used for.");
                }
                return new Answer(((Number) prior.get(0)[1]).intValue(), (String) prior.get(0)[2]);
            }
        }
        Map<String, String> form = FormBody.parse(body);
        Answer answer;
        if (path.equals("/v1/customers")) {
            answer = createCustomer(form);
        } else if (path.equals("/v1/checkout/sessions")) {
            answer = createSession(form);
        } else if (path.equals("/v1/refunds")) {
            answer = createRefund(form);
        } else if (path.matches("/v1/checkout/sessions/[^/]+/expire")) {
            answer = expireSession(path.split("/")[4]);
        } else {
            answer = error(404, "invalid_request_error", null, "Unrecognized request URL (POST: " + path + ").");
        }
        if (idempotencyKey != null && answer.status() < 500) {
            sql.update("INSERT INTO sandbox.idempotency_keys (key, request, status, body, created_at) VALUES (?, ?, ?, ?, now())",
                    idempotencyKey, request, answer.status(), answer.body());
        }
        return answer;
    }

    public Answer get(String path, Map<String, String> query) {
        if (path.equals("/v1/balance")) {
            return ok(Jsons.createObjectBuilder().add("object", "balance").add("livemode", false)
                    .add("available", Jsons.createArrayBuilder()).add("pending", Jsons.createArrayBuilder()).build());
        }
        if (path.equals("/v1/balance_transactions")) {
            return balanceTransactions(query);
        }
        if (path.equals("/v1/payouts")) {
            return payouts(query);
        }
        String[] parts = path.split("/");
        if (path.matches("/v1/checkout/sessions/[^/]+")) {
            load(parts[4]).filter(s -> "open".equals(str(s, "status")) && expired(s)).ifPresent(s -> {
                JsonObject expired = with(s, "status", Jsons.createValue("expired"));
                save(expired);
                event("checkout.session.expired", expired);
            });
            return found(parts[4], "checkout.session");
        }
        if (path.matches("/v1/payment_intents/[^/]+")) {
            return found(parts[3], "payment_intent");
        }
        if (path.matches("/v1/customers/[^/]+")) {
            return found(parts[3], "customer");
        }
        if (path.matches("/v1/charges/[^/]+")) {
            return found(parts[3], "charge");
        }
        return error(404, "invalid_request_error", null, "Unrecognized request URL (GET: " + path + ").");
    }

    // --- the hosted card page ------------------------------------------------------------------

    public String page(String sessionId) {
        Optional<JsonObject> session = load(sessionId).filter(s -> "checkout.session".equals(str(s, "object")));
        if (session.isEmpty()) {
            return CheckoutPage.message("Payment page not found", "This payment link is not valid. Go back to the merchant and start again.");
        }
        return formFor(session.get(), null, "");
    }

    /** A session that can still be paid, locked for this transaction; or the page that says why it cannot. */
    private record Open(JsonObject session, PayResult closed) {
    }

    private Open lockOpen(String sessionId) {
        if (load(sessionId).filter(s -> "checkout.session".equals(str(s, "object"))).isEmpty()) {
            return new Open(null, new PayResult(null, CheckoutPage.message("Payment page not found", "This payment link is not valid.")));
        }
        sql.rows("SELECT id FROM sandbox.objects WHERE id = ? FOR UPDATE", sessionId);
        JsonObject session = load(sessionId).orElseThrow();
        if (!"open".equals(str(session, "status")) || expired(session)) {
            String text = "complete".equals(str(session, "status")) ? "This payment is already complete." : "This payment page has expired.";
            return new Open(null, new PayResult(null, CheckoutPage.message("Payment closed", text + " Go back to the merchant.")));
        }
        return new Open(session, null);
    }

    public PayResult pay(String sessionId, String number, String expiry, String cvc, String name) {
        Open open = lockOpen(sessionId);
        if (open.closed() != null) {
            return open.closed();
        }
        JsonObject session = open.session();
        String nameOnCard = name == null ? "" : name.trim();
        // What Stripe's page checks before anything reaches the bank: no charge, no event.
        String local = localCheck(number, expiry, cvc, nameOnCard);
        if (local != null) {
            return new PayResult(null, formFor(session, local, nameOnCard));
        }
        String digits = number.replaceAll("[\\s-]", "");
        TestCards.Outcome outcome = TestCards.outcome(digits);
        if ("incorrect_number".equals(outcome.code())) {
            return new PayResult(null, formFor(session, outcome.message(), nameOnCard));
        }
        YearMonth exp = expiryOf(expiry);
        long now = Instant.now().getEpochSecond();
        long amount = session.getJsonNumber("amount_total").longValue();
        String currency = str(session, "currency");

        JsonObject intent = Optional.ofNullable(str(session, "payment_intent")).flatMap(this::load).orElse(null);
        if (intent == null) {
            intent = Jsons.createObjectBuilder()
                    .add("id", id("pi")).add("object", "payment_intent").add("amount", amount).add("amount_received", 0)
                    .add("currency", currency).add("customer", session.get("customer")).add("description", session.get("_description"))
                    .add("metadata", session.getJsonObject("_payment_intent_metadata")).add("status", "requires_payment_method")
                    .add("latest_charge", JsonValue.NULL).add("last_payment_error", JsonValue.NULL)
                    .add("livemode", false).add("created", now).build();
            session = with(session, "payment_intent", Jsons.createValue(intent.getString("id")));
        }
        String chargeId = id("ch");
        JsonObjectBuilder charge = Jsons.createObjectBuilder()
                .add("id", chargeId).add("object", "charge").add("amount", amount).add("currency", currency)
                .add("payment_intent", intent.getString("id")).add("customer", session.get("customer"))
                .add("metadata", intent.getJsonObject("metadata")).add("description", intent.get("description"))
                .add("billing_details", Jsons.createObjectBuilder().add("name", nameOnCard).add("email", session.get("customer_email")))
                .add("payment_method_details", Jsons.createObjectBuilder().add("type", "card").add("card", Jsons.createObjectBuilder()
                        .add("brand", brandCode(outcome.brand())).add("last4", digits.substring(digits.length() - 4))
                        .add("exp_month", exp.getMonthValue()).add("exp_year", exp.getYear()).add("funding", "credit").add("country", "GB")))
                .add("amount_refunded", 0).add("refunded", false).add("disputed", outcome.disputed())
                .add("livemode", false).add("created", now);
        if (!outcome.succeeds()) {
            JsonObject failed = charge.add("status", "failed").add("paid", false).add("captured", false)
                    .add("amount_captured", 0).add("balance_transaction", JsonValue.NULL)
                    .add("failure_code", outcome.code()).add("failure_message", outcome.message())
                    .add("outcome", Jsons.createObjectBuilder().add("type", "issuer_declined").add("seller_message", "The bank did not approve the payment."))
                    .build();
            save(failed);
            JsonObjectBuilder error = Jsons.createObjectBuilder().add("type", "card_error").add("code", outcome.code())
                    .add("message", outcome.message()).add("charge", chargeId);
            if (outcome.declineCode() != null) error.add("decline_code", outcome.declineCode());
            intent = Jsons.createObjectBuilder(intent).add("status", "requires_payment_method").add("latest_charge", chargeId)
                    .add("last_payment_error", error).build();
            save(intent);
            save(session);
            event("charge.failed", failed);
            event("payment_intent.payment_failed", intent);
            return new PayResult(null, formFor(session, outcome.message(), nameOnCard));
        }

        long fee = org.quittance.sandbox.control.SandboxFees.of(amount);
        JsonObject txn = Jsons.createObjectBuilder()
                .add("id", id("txn")).add("object", "balance_transaction").add("amount", amount).add("fee", fee).add("net", amount - fee)
                .add("currency", currency).add("type", "charge").add("reporting_category", "charge").add("source", chargeId)
                .add("status", "pending").add("available_on", now + 2 * 86_400).add("created", now)
                .add("fee_details", Jsons.createArrayBuilder().add(Jsons.createObjectBuilder().add("amount", fee).add("currency", currency)
                        .add("type", "stripe_fee").add("description", "Sandbox processing fees")))
                .add("_payment_intent", intent.getString("id"))
                .build();
        JsonObject succeeded = charge.add("status", "succeeded").add("paid", true).add("captured", true)
                .add("amount_captured", amount).add("balance_transaction", txn.getString("id"))
                .add("failure_code", JsonValue.NULL).add("failure_message", JsonValue.NULL)
                .add("outcome", Jsons.createObjectBuilder().add("type", "authorized").add("seller_message", "Payment complete."))
                .build();
        intent = Jsons.createObjectBuilder(intent).add("status", "succeeded").add("amount_received", amount)
                .add("latest_charge", chargeId).add("last_payment_error", JsonValue.NULL).build();
        session = Jsons.createObjectBuilder(session).add("status", "complete").add("payment_status", "paid").build();
        save(txn);
        save(succeeded);
        save(intent);
        save(session);
        event("charge.succeeded", succeeded);
        event("payment_intent.succeeded", intent);
        event("checkout.session.completed", session);
        if (outcome.disputed()) {
            JsonObject dispute = Jsons.createObjectBuilder().add("id", id("dp")).add("object", "dispute").add("amount", amount)
                    .add("currency", currency).add("charge", chargeId).add("payment_intent", intent.getString("id"))
                    .add("reason", "fraudulent").add("status", "needs_response").add("livemode", false).add("created", now).build();
            save(dispute);
            event("charge.dispute.created", dispute);
        }
        String success = str(session, "success_url").replace("{CHECKOUT_SESSION_ID}", sessionId);
        return new PayResult(success, null);
    }

    /**
     * The debit form: the account is checked as the page would, then the debit is created and is
     * <em>processing</em> (payment_intent.processing, charge.pending, the session complete but unpaid)
     * until its settlement day on the sandbox's clock, three days on.
     */
    public PayResult debit(String sessionId, Map<String, String> form) {
        Open open = lockOpen(sessionId);
        if (open.closed() != null) {
            return open.closed();
        }
        JsonObject session = open.session();
        Optional<TestBankAccounts.Method> method = debitOf(session);
        if (method.isEmpty()) {
            return new PayResult(null, CheckoutPage.message("Not offered", "This payment cannot be made by bank debit."));
        }
        TestBankAccounts.Account account;
        try {
            account = TestBankAccounts.read(method.get(), form);
        } catch (IllegalArgumentException e) {
            return new PayResult(null, pageFor(session, null, "", e.getMessage(), form.getOrDefault("holder", "").trim()));
        }
        long now = Instant.now().getEpochSecond();
        long amount = session.getJsonNumber("amount_total").longValue();
        String currency = str(session, "currency");
        String type = method.get().type();
        JsonObject intent = Jsons.createObjectBuilder()
                .add("id", id("pi")).add("object", "payment_intent").add("amount", amount).add("amount_received", 0)
                .add("currency", currency).add("customer", session.get("customer")).add("description", session.get("_description"))
                .add("metadata", session.getJsonObject("_payment_intent_metadata")).add("status", "processing")
                .add("payment_method_types", Jsons.createArrayBuilder().add(type))
                .add("latest_charge", JsonValue.NULL).add("last_payment_error", JsonValue.NULL)
                .add("livemode", false).add("created", now).build();
        JsonObjectBuilder details = Jsons.createObjectBuilder().add("last4", account.last4());
        if (account.sortCode() != null) details.add("sort_code", account.sortCode());
        if (account.routingNumber() != null) details.add("routing_number", account.routingNumber());
        String chargeId = id("py");
        JsonObject charge = Jsons.createObjectBuilder()
                .add("id", chargeId).add("object", "charge").add("amount", amount).add("currency", currency)
                .add("payment_intent", intent.getString("id")).add("customer", session.get("customer"))
                .add("metadata", intent.getJsonObject("metadata")).add("description", intent.get("description"))
                .add("billing_details", Jsons.createObjectBuilder().add("name", form.get("holder").trim()).add("email", session.get("customer_email")))
                .add("payment_method_details", Jsons.createObjectBuilder().add("type", type).add(type, details))
                .add("amount_refunded", 0).add("refunded", false).add("disputed", false)
                .add("status", "pending").add("paid", false).add("captured", true).add("amount_captured", amount)
                .add("balance_transaction", JsonValue.NULL).add("failure_code", JsonValue.NULL).add("failure_message", JsonValue.NULL)
                .add("livemode", false).add("created", now).build();
        intent = with(intent, "latest_charge", Jsons.createValue(chargeId));
        session = Jsons.createObjectBuilder(session).add("payment_intent", intent.getString("id")).add("status", "complete")
                .add("payment_status", "unpaid").build();
        TestBankAccounts.Outcome outcome = TestBankAccounts.outcome(account);
        long settles = clock() + DEBIT_DAYS * 86_400;
        sql.update("INSERT INTO sandbox.debits (payment_intent, charge, outcome, settles_at, returns_at) VALUES (?, ?, ?, ?, ?)",
                intent.getString("id"), chargeId, outcome.name(), settles,
                outcome == TestBankAccounts.Outcome.RETURNED ? settles + 2 * 86_400 : null);
        save(intent);
        save(charge);
        save(session);
        event("payment_intent.processing", intent);
        event("charge.pending", charge);
        event("checkout.session.completed", session);
        return new PayResult(str(session, "success_url").replace("{CHECKOUT_SESSION_ID}", sessionId), null);
    }

    /** A bank debit settles this many days after it was made (Bacs: three working days), on the sandbox's clock. */
    static final long DEBIT_DAYS = 3;

    /** The sandbox's time for bank debits, in epoch seconds: the real time plus how far the clock was moved. */
    public long clock() {
        List<Object[]> rows = sql.rows("SELECT offset_seconds FROM sandbox.clock WHERE id = 1");
        return Instant.now().getEpochSecond() + (rows.isEmpty() ? 0 : ((Number) rows.get(0)[0]).longValue());
    }

    /** The lever: the sandbox's clock moves on (at most a year at a time), and what is due by then settles. */
    public int advanceClock(long days) {
        if (days < 1 || days > 366) {
            throw new IllegalArgumentException("Move the clock 1 to 366 days on.");
        }
        sql.update("UPDATE sandbox.clock SET offset_seconds = offset_seconds + ? WHERE id = 1", days * 86_400);
        return settleDebits();
    }

    /** Debits whose day has come: settled (succeeded or failed), or returned by the bank after succeeding. */
    public int settleDebits() {
        long now = clock();
        int moved = 0;
        for (Object[] row : sql.rows("""
                SELECT payment_intent, outcome, state, settles_at, returns_at FROM sandbox.debits
                WHERE (state = 'PROCESSING' AND settles_at <= ?) OR (state = 'SUCCEEDED' AND returns_at <= ?)
                ORDER BY settles_at FOR UPDATE SKIP LOCKED""", now, now)) {
            String intentId = (String) row[0];
            JsonObject intent = load(intentId).orElseThrow();
            JsonObject charge = load(str(intent, "latest_charge")).orElseThrow();
            if ("SUCCEEDED".equals(row[2])) {
                returned(intent, charge);
                sql.update("UPDATE sandbox.debits SET state = 'RETURNED' WHERE payment_intent = ?", intentId);
            } else if ("FAILS".equals(row[1])) {
                failed(intent, charge);
                sql.update("UPDATE sandbox.debits SET state = 'FAILED' WHERE payment_intent = ?", intentId);
            } else {
                succeeded(intent, charge);
                sql.update("UPDATE sandbox.debits SET state = 'SUCCEEDED' WHERE payment_intent = ?", intentId);
                if (row[4] != null && ((Number) row[4]).longValue() <= now) {
                    returned(load(intentId).orElseThrow(), load(str(intent, "latest_charge")).orElseThrow());
                    sql.update("UPDATE sandbox.debits SET state = 'RETURNED' WHERE payment_intent = ?", intentId);
                }
            }
            moved++;
        }
        return moved;
    }

    /** Bank debits processing or awaiting a return, with their dates, for the sandbox's page. */
    public List<String> debitsInFlight() {
        List<String> lines = new ArrayList<>();
        for (Object[] row : sql.rows("""
                SELECT d.payment_intent, d.state, d.settles_at, d.returns_at, o.body FROM sandbox.debits d
                JOIN sandbox.objects o ON o.id = d.payment_intent WHERE d.state IN ('PROCESSING', 'SUCCEEDED')
                AND (d.state = 'PROCESSING' OR d.returns_at IS NOT NULL) ORDER BY d.settles_at LIMIT 50""")) {
            JsonObject intent = parse((String) row[4]);
            String amount = display(intent.getJsonNumber("amount").longValue(), str(intent, "currency"));
            lines.add("PROCESSING".equals(row[1])
                    ? row[0] + ": " + amount + ", settles on " + day(((Number) row[2]).longValue())
                    : row[0] + ": " + amount + ", succeeded; the bank returns it on " + day(((Number) row[3]).longValue()));
        }
        return lines;
    }

    private static String day(long epochSecond) {
        return java.time.LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), java.time.ZoneOffset.UTC).toString();
    }

    /** Settled now: its balance transaction is dated by the real clock, as the receipt import reads it (the sandbox's clock only schedules). */
    private void succeeded(JsonObject intent, JsonObject charge) {
        long at = Instant.now().getEpochSecond();
        long amount = intent.getJsonNumber("amount").longValue();
        String currency = str(intent, "currency");
        long fee = org.quittance.sandbox.control.SandboxFees.of(amount);
        JsonObject txn = Jsons.createObjectBuilder()
                .add("id", id("txn")).add("object", "balance_transaction").add("amount", amount).add("fee", fee).add("net", amount - fee)
                .add("currency", currency).add("type", "payment").add("reporting_category", "charge").add("source", charge.getString("id"))
                .add("status", "pending").add("available_on", at + 2 * 86_400).add("created", at)
                .add("fee_details", Jsons.createArrayBuilder().add(Jsons.createObjectBuilder().add("amount", fee).add("currency", currency)
                        .add("type", "stripe_fee").add("description", "Sandbox processing fees")))
                .add("_payment_intent", intent.getString("id"))
                .build();
        JsonObject paid = Jsons.createObjectBuilder(charge).add("status", "succeeded").add("paid", true)
                .add("balance_transaction", txn.getString("id"))
                .add("outcome", Jsons.createObjectBuilder().add("type", "authorized").add("seller_message", "Payment complete.")).build();
        JsonObject done = Jsons.createObjectBuilder(intent).add("status", "succeeded").add("amount_received", amount).build();
        save(txn);
        save(paid);
        save(done);
        event("charge.succeeded", paid);
        event("payment_intent.succeeded", done);
    }

    private void failed(JsonObject intent, JsonObject charge) {
        String message = "The bank account has insufficient funds to cover this debit.";
        JsonObject failed = Jsons.createObjectBuilder(charge).add("status", "failed").add("paid", false)
                .add("failure_code", "insufficient_funds").add("failure_message", message).build();
        JsonObject open = Jsons.createObjectBuilder(intent).add("status", "requires_payment_method")
                .add("last_payment_error", Jsons.createObjectBuilder().add("type", "card_error").add("code", "insufficient_funds")
                        .add("message", message).add("charge", charge.getString("id"))).build();
        save(failed);
        save(open);
        event("charge.failed", failed);
        event("payment_intent.payment_failed", open);
    }

    /** The bank takes a succeeded debit back (the payer's claim): a dispute the firm cannot win, as Stripe reports it. */
    private void returned(JsonObject intent, JsonObject charge) {
        long at = Instant.now().getEpochSecond();
        JsonObject dispute = Jsons.createObjectBuilder().add("id", id("dp")).add("object", "dispute")
                .add("amount", intent.getJsonNumber("amount").longValue()).add("currency", str(intent, "currency"))
                .add("charge", charge.getString("id")).add("payment_intent", intent.getString("id"))
                .add("reason", "debit_not_authorized").add("status", "lost").add("livemode", false).add("created", at).build();
        save(with(charge, "disputed", JsonValue.TRUE));
        save(dispute);
        event("charge.dispute.created", dispute);
        event("charge.dispute.closed", dispute);
    }

    /** The merchant's cancel address, for the page's "Back" link. */
    public Optional<String> cancelUrl(String sessionId) {
        return load(sessionId).map(s -> str(s, "cancel_url"));
    }

    // --- API objects ---------------------------------------------------------------------------

    private Answer createCustomer(Map<String, String> form) {
        Map<String, String> address = FormBody.under(form, "address");
        JsonObjectBuilder addr = Jsons.createObjectBuilder();
        address.forEach(addr::add);
        JsonObject customer = Jsons.createObjectBuilder()
                .add("id", id("cus")).add("object", "customer").add("name", form.getOrDefault("name", ""))
                .add("email", form.getOrDefault("email", "")).add("address", addr)
                .add("metadata", metadata(FormBody.under(form, "metadata"))).add("livemode", false)
                .add("created", Instant.now().getEpochSecond()).build();
        save(customer);
        return ok(customer);
    }

    private Answer createSession(Map<String, String> form) {
        if (!"payment".equals(form.get("mode"))) {
            return error(400, "invalid_request_error", "mode", "The sandbox supports mode=payment only.");
        }
        for (String required : List.of("success_url", "cancel_url")) {
            if (form.get(required) == null || form.get(required).isBlank()) {
                return error(400, "invalid_request_error", required, "Missing required param: " + required + ".");
            }
        }
        String currency = null;
        long total = 0;
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        for (int i = 0; form.containsKey("line_items[" + i + "][price_data][unit_amount]"); i++) {
            String p = "line_items[" + i + "]";
            long unit;
            long quantity;
            try {
                unit = Long.parseLong(form.get(p + "[price_data][unit_amount]"));
                quantity = Long.parseLong(form.getOrDefault(p + "[quantity]", "1"));
            } catch (NumberFormatException e) {
                return error(400, "invalid_request_error", p, "Invalid integer in " + p + ".");
            }
            String c = form.get(p + "[price_data][currency]");
            if (c == null || (currency != null && !currency.equals(c))) {
                return error(400, "invalid_request_error", p, "All line items must have one currency.");
            }
            if (unit <= 0 || quantity <= 0) {
                return error(400, "invalid_request_error", p, "Line item amounts must be positive.");
            }
            currency = c;
            total += unit * quantity;
            items.add(Jsons.createObjectBuilder().add("name", form.getOrDefault(p + "[price_data][product_data][name]", "Item"))
                    .add("amount", unit * quantity));
        }
        if (currency == null) {
            return error(400, "invalid_request_error", "line_items", "Give at least one line item.");
        }
        JsonArrayBuilder methods = Jsons.createArrayBuilder();
        List<String> asked = new ArrayList<>();
        for (int i = 0; form.containsKey("payment_method_types[" + i + "]"); i++) {
            asked.add(form.get("payment_method_types[" + i + "]"));
        }
        for (String method : asked.isEmpty() ? List.of("card") : asked) {
            if (!method.equals("card")) {
                Optional<TestBankAccounts.Method> debit = TestBankAccounts.Method.of(method);
                if (debit.isEmpty()) {
                    return error(400, "invalid_request_error", "payment_method_types", "Invalid payment_method_types: " + method + ".");
                }
                if (!debit.get().currency().equals(currency)) {
                    return error(400, "invalid_request_error", "payment_method_types",
                            "The payment method type " + method + " does not support the currency " + currency + ".");
                }
            }
            methods.add(method);
        }
        long now = Instant.now().getEpochSecond();
        long expiresAt = form.containsKey("expires_at") ? Long.parseLong(form.get("expires_at")) : now + 86_400;
        String customerId = form.get("customer");
        String email = customerId == null ? form.getOrDefault("customer_email", "")
                : load(customerId).map(c -> str(c, "email")).orElse("");
        String id = "cs_test_" + random(48);
        JsonObject session = Jsons.createObjectBuilder()
                .add("id", id).add("object", "checkout.session").add("mode", "payment")
                .add("amount_total", total).add("amount_subtotal", total).add("currency", currency)
                .add("customer", customerId == null ? JsonValue.NULL : Jsons.createValue(customerId))
                .add("customer_email", email)
                .add("client_reference_id", form.containsKey("client_reference_id") ? Jsons.createValue(form.get("client_reference_id")) : JsonValue.NULL)
                .add("metadata", metadata(FormBody.under(form, "metadata")))
                .add("payment_intent", JsonValue.NULL).add("payment_status", "unpaid").add("status", "open")
                .add("success_url", form.get("success_url")).add("cancel_url", form.get("cancel_url"))
                .add("url", SandboxSettings.url() + "/pay/" + id)
                .add("expires_at", expiresAt).add("livemode", false).add("created", now)
                .add("payment_method_types", methods)
                .add("_items", items)
                .add("_description", form.getOrDefault("payment_intent_data[description]", ""))
                .add("_payment_intent_metadata", metadata(FormBody.under(form, "payment_intent_data[metadata]")))
                .build();
        save(session);
        return ok(session);
    }

    private Answer expireSession(String sessionId) {
        JsonObject session = load(sessionId).orElse(null);
        if (session == null) {
            return error(404, "invalid_request_error", "session", "No such checkout.session: '" + sessionId + "'");
        }
        if (!"open".equals(str(session, "status"))) {
            return error(400, "invalid_request_error", null, "Only Checkout Sessions with a status of `open` can be expired.");
        }
        session = with(session, "status", Jsons.createValue("expired"));
        save(session);
        event("checkout.session.expired", session);
        return ok(session);
    }

    /** A refund of part or all of a succeeded charge: the charge's amount_refunded grows and charge.refunded tells. */
    private Answer createRefund(Map<String, String> form) {
        String chargeId = form.get("charge");
        if (chargeId == null && form.get("payment_intent") != null) {
            chargeId = load(form.get("payment_intent")).map(pi -> str(pi, "latest_charge")).orElse(null);
        }
        if (chargeId == null || load(chargeId).filter(c -> "charge".equals(str(c, "object"))).isEmpty()) {
            return error(404, "invalid_request_error", form.containsKey("charge") ? "charge" : "payment_intent",
                    "No such payment to refund: '" + form.getOrDefault("charge", form.get("payment_intent")) + "'");
        }
        sql.rows("SELECT id FROM sandbox.objects WHERE id = ? FOR UPDATE", chargeId);
        JsonObject charge = load(chargeId).orElseThrow();
        if (!"succeeded".equals(str(charge, "status"))) {
            return error(400, "invalid_request_error", "charge", "Charge " + chargeId + " has not succeeded: there is nothing to refund.");
        }
        String currency = str(charge, "currency");
        long amount = charge.getJsonNumber("amount").longValue();
        long already = charge.getJsonNumber("amount_refunded").longValue();
        long requested;
        try {
            requested = form.containsKey("amount") ? Long.parseLong(form.get("amount")) : amount - already;
        } catch (NumberFormatException e) {
            return error(400, "invalid_request_error", "amount", "Invalid integer: " + form.get("amount"));
        }
        if (requested <= 0 || requested > amount - already) {
            return error(400, "invalid_request_error", "amount", "Refund amount (" + display(requested, currency)
                    + ") is greater than unrefunded amount on charge (" + display(amount - already, currency) + ")");
        }
        long now = Instant.now().getEpochSecond();
        String refundId = id("re");
        JsonObject txn = Jsons.createObjectBuilder()
                .add("id", id("txn")).add("object", "balance_transaction").add("amount", -requested).add("fee", 0).add("net", -requested)
                .add("currency", currency).add("type", "refund").add("reporting_category", "refund").add("source", refundId)
                .add("status", "available").add("available_on", now).add("created", now).build();
        JsonObject refund = Jsons.createObjectBuilder()
                .add("id", refundId).add("object", "refund").add("amount", requested).add("currency", currency).add("charge", chargeId)
                .add("payment_intent", charge.get("payment_intent")).add("status", "succeeded").add("balance_transaction", txn.getString("id"))
                .add("metadata", metadata(FormBody.under(form, "metadata"))).add("created", now).build();
        JsonObject refunded = Jsons.createObjectBuilder(charge).add("amount_refunded", already + requested)
                .add("refunded", already + requested == amount).build();
        save(txn);
        save(refund);
        save(refunded);
        event("charge.refunded", refunded);
        return ok(refund);
    }

    /**
     * Closes the open dispute of a payment as the card network decided it: won (the money comes back,
     * charge.dispute.funds_reinstated and charge.dispute.closed) or lost (charge.dispute.closed).
     */
    public void closeDispute(String paymentIntent, boolean won) {
        List<String> rows = sql.strings("""
                SELECT body FROM sandbox.objects WHERE type = 'dispute' AND CAST(body AS jsonb) ->> 'payment_intent' = ?""", paymentIntent);
        JsonObject dispute = rows.stream().map(SandboxApi::parse).filter(d -> "needs_response".equals(str(d, "status"))).findFirst()
                .orElseThrow(() -> new IllegalStateException("No open dispute for " + paymentIntent));
        dispute = with(dispute, "status", Jsons.createValue(won ? "won" : "lost"));
        save(dispute);
        if (won) {
            event("charge.dispute.funds_reinstated", dispute);
        }
        event("charge.dispute.closed", dispute);
    }

    private Answer balanceTransactions(Map<String, String> query) {
        if (SandboxFaults.listingRateLimited()) {
            return error(429, "invalid_request_error", null, "Too many requests hit the API too quickly. We recommend an"
                    + " exponential backoff of your requests.");
        }
        if (SandboxFaults.listingFails()) {
            return error(500, "api_error", null, "Sandbox fault: the balance transaction list is failing on purpose.");
        }
        int limit = limit(query);
        String payout = query.get("payout");
        // A payout's transactions (as Stripe filters by payout), or those created in the period.
        List<String> rows = payout != null
                ? page("balance_transaction", " AND id IN (SELECT txn_id FROM sandbox.payout_items WHERE payout_id = ?)", payout, query, limit)
                : page("balance_transaction", "", null, query, limit);
        JsonArrayBuilder data = Jsons.createArrayBuilder();
        List<JsonObject> page = rows.stream().limit(limit).map(r -> visible(parse(r))).toList();
        boolean expandSource = query.entrySet().stream().anyMatch(e -> e.getKey().startsWith("expand") && "data.source".equals(e.getValue()));
        Map<String, JsonObject> sources = expandSource
                ? loadAll(page.stream().map(t -> str(t, "source")).filter(Objects::nonNull).toList()) : Map.of();
        page.forEach(txn -> {
            JsonObject source = sources.get(str(txn, "source"));
            data.add(source == null ? txn : with(txn, "source", visible(source)));
        });
        return ok(Jsons.createObjectBuilder().add("object", "list").add("url", "/v1/balance_transactions")
                .add("has_more", rows.size() > limit).add("data", data).build());
    }

    /** The firm's currency, what the sandbox's payout lever pays out by default. */
    /** The registered account's default currency (its payouts' when none is asked for). */
    public String firmCurrency() {
        return setting("default_currency", "GBP");
    }

    /** The registered account's business name, as its hosted page shows it. */
    private String businessName() {
        return setting("business_name", "Merchant");
    }

    private String setting(String column, String otherwise) {
        List<String> values = sql.strings("SELECT " + column + " FROM sandbox.accounts ORDER BY registered_at DESC LIMIT 1");
        return values.isEmpty() || values.get(0) == null ? otherwise : values.get(0);
    }

    private Answer payouts(Map<String, String> query) {
        int limit = limit(query);
        List<String> rows = page("payout", "", null, query, limit);
        JsonArrayBuilder data = Jsons.createArrayBuilder();
        rows.stream().limit(limit).map(r -> visible(parse(r))).forEach(data::add);
        return ok(Jsons.createObjectBuilder().add("object", "list").add("url", "/v1/payouts")
                .add("has_more", rows.size() > limit).add("data", data).build());
    }

    private static int limit(Map<String, String> query) {
        return Math.min(Math.max(Integer.parseInt(query.getOrDefault("limit", "10")), 1), 100);
    }

    /**
     * One page of a list, oldest first with a stable tie-break, so that paging by starting_after never
     * skips or repeats; one row more than the page says whether there is more.
     */
    private List<String> page(String type, String filter, String filterValue, Map<String, String> query, int limit) {
        long gte = Long.parseLong(query.getOrDefault("created[gte]", "0"));
        long lt = Long.parseLong(query.getOrDefault("created[lt]", String.valueOf(Long.MAX_VALUE)));
        String after = query.get("starting_after");
        String select = "SELECT body FROM sandbox.objects WHERE type = ? AND created >= ? AND created < ?" + filter
                + (after == null ? "" : " AND (created, id) > (SELECT created, id FROM sandbox.objects WHERE id = ?)")
                + " ORDER BY created, id LIMIT ?";
        List<Object> parameters = new ArrayList<>(List.of(type, gte, lt));
        if (filterValue != null) {
            parameters.add(filterValue);
        }
        if (after != null) {
            parameters.add(after);
        }
        parameters.add(limit + 1);
        return sql.strings(select, parameters.toArray());
    }

    // --- storage and helpers ---------------------------------------------------------------------

    private String formFor(JsonObject session, String error, String name) {
        return pageFor(session, error, name, null, "");
    }

    /** The hosted page again, with the card's refusal or the debit form's, and what the client typed that may be shown back. */
    private String pageFor(JsonObject session, String error, String name, String debitError, String holder) {
        String currency = str(session, "currency");
        List<CheckoutPage.Item> items = new ArrayList<>();
        session.getJsonArray("_items").getValuesAs(JsonObject.class)
                .forEach(i -> items.add(new CheckoutPage.Item(i.getString("name"), display(i.getJsonNumber("amount").longValue(), currency))));
        String merchant = businessName();
        return CheckoutPage.form(session.getString("id"), merchant, display(session.getJsonNumber("amount_total").longValue(), currency),
                items, str(session, "customer_email"), name, str(session, "cancel_url"), error, debitOf(session).orElse(null), debitError, holder);
    }

    /** The bank debit the session offers besides cards, if any. */
    private static Optional<TestBankAccounts.Method> debitOf(JsonObject session) {
        if (!(session.get("payment_method_types") instanceof jakarta.json.JsonArray types)) {
            return Optional.empty();
        }
        return types.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString)
                .map(TestBankAccounts.Method::of).flatMap(Optional::stream).findFirst();
    }

    private static String localCheck(String number, String expiry, String cvc, String name) {
        String digits = number == null ? "" : number.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{12,19}")) {
            return "Your card number is incomplete.";
        }
        YearMonth exp = expiryOf(expiry);
        if (exp == null) {
            return "Your card's expiration date is incomplete.";
        }
        if (exp.isBefore(YearMonth.now())) {
            return "Your card's expiration year is in the past.";
        }
        if (cvc == null || !cvc.trim().matches("\\d{3,4}")) {
            return "Your card's security code is incomplete.";
        }
        if (name.isEmpty()) {
            return "Enter the name on the card.";
        }
        return null;
    }

    private static YearMonth expiryOf(String expiry) {
        if (expiry == null) return null;
        String digits = expiry.replaceAll("\\D", "");
        if (digits.length() != 4 && digits.length() != 6) return null;
        int month = Integer.parseInt(digits.substring(0, 2));
        int year = Integer.parseInt(digits.substring(2));
        if (month < 1 || month > 12) return null;
        return YearMonth.of(year < 100 ? 2000 + year : year, month);
    }

    private static String brandCode(String brand) {
        return switch (brand) {
            case "American Express" -> "amex";
            case "Diners Club" -> "diners";
            case "UnionPay" -> "unionpay";
            case "JCB" -> "jcb";
            default -> brand.toLowerCase(Locale.ROOT);
        };
    }

    private static String display(long minor, String currency) {
        String code = currency.toUpperCase(Locale.ROOT);
        int digits = Math.max(Currency.getInstance(code).getDefaultFractionDigits(), 0);
        return code + " " + String.format(Locale.UK, "%,." + digits + "f", BigDecimal.valueOf(minor, digits));
    }

    private boolean expired(JsonObject session) {
        return session.getJsonNumber("expires_at").longValue() < Instant.now().getEpochSecond();
    }

    private void event(String type, JsonObject object) {
        String id = id("evt");
        JsonObject event = Jsons.createObjectBuilder()
                .add("id", id).add("object", "event").add("api_version", API_VERSION)
                .add("created", Instant.now().getEpochSecond()).add("livemode", false).add("pending_webhooks", 1)
                .add("request", Jsons.createObjectBuilder().add("id", JsonValue.NULL).add("idempotency_key", JsonValue.NULL))
                .add("type", type).add("data", Jsons.createObjectBuilder().add("object", visible(object)))
                .build();
        sql.update("INSERT INTO sandbox.events (seq, id, body, next_attempt) VALUES (nextval('sandbox.event_seq'), ?, ?, now())",
                id, event.toString());
    }

    private void save(JsonObject object) {
        sql.update("""
                        INSERT INTO sandbox.objects (id, type, created, body) VALUES (?, ?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body""",
                object.getString("id"), object.getString("object"), object.getJsonNumber("created").longValue(), object.toString());
    }

    private Optional<JsonObject> load(String id) {
        List<String> rows = sql.strings("SELECT body FROM sandbox.objects WHERE id = ?", id);
        return rows.stream().findFirst().map(SandboxApi::parse);
    }

    /** Several objects by id in one query (a page of balance transactions' charges). */
    private Map<String, JsonObject> loadAll(List<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<String> rows = sql.strings("SELECT body FROM sandbox.objects WHERE id = ANY(CAST(? AS VARCHAR[]))",
                "{" + String.join(",", ids) + "}");
        Map<String, JsonObject> found = new HashMap<>();
        rows.stream().map(SandboxApi::parse).forEach(o -> found.put(o.getString("id"), o));
        return found;
    }

    private Answer found(String id, String type) {
        return load(id).filter(o -> type.equals(str(o, "object"))).map(this::ok)
                .orElseGet(() -> error(404, "invalid_request_error", "id", "No such " + type + ": '" + id + "'"));
    }

    private Answer ok(JsonObject object) {
        return new Answer(200, visible(object).toString());
    }

    /** Our own bookkeeping fields start with "_" and are not part of the API's objects. */
    private static JsonObject visible(JsonObject object) {
        JsonObjectBuilder b = Jsons.createObjectBuilder();
        object.forEach((k, v) -> {
            if (!k.startsWith("_")) b.add(k, v);
        });
        return b.build();
    }

    static Answer error(int status, String type, String param, String message) {
        JsonObjectBuilder e = Jsons.createObjectBuilder().add("type", type).add("message", message);
        if (param != null) e.add("param", param);
        if ("idempotency_error".equals(type)) e.add("code", "idempotency_key_in_use");
        return new Answer(status, Jsons.createObjectBuilder().add("error", e).build().toString());
    }

    private static JsonObject metadata(Map<String, String> entries) {
        JsonObjectBuilder m = Jsons.createObjectBuilder();
        entries.forEach(m::add);
        return m.build();
    }

    private static JsonObject with(JsonObject o, String key, JsonValue value) {
        return Jsons.createObjectBuilder(o).add(key, value).build();
    }

    private static JsonObject parse(String json) {
        try (var reader = Jsons.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static String str(JsonObject o, String key) {
        return o.get(key) instanceof JsonString s ? s.getString() : null;
    }

    private static String hint(String key) {
        return key.length() <= 8 ? "****" : key.substring(0, 8) + "****" + key.substring(key.length() - 4);
    }

    private static String id(String prefix) {
        return prefix + "_" + random(24);
    }

    private static String random(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
