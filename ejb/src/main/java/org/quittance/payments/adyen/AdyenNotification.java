package org.quittance.payments.adyen;

import org.quittance.platform.control.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import org.quittance.money.Decimals;
import org.quittance.money.Money;
import org.quittance.payments.processor.PaymentEvent;
import org.quittance.payments.processor.ProcessorEvent;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Adyen's standard webhook: a batch of {@code notificationItems}, each a {@code NotificationRequestItem}
 * with its own HMAC, {@code success} as a string, amounts in minor units. An item is known by
 * eventCode, pspReference and success (Adyen's own rule for duplicates); a modification (capture,
 * refund, chargeback) names its payment in {@code originalReference}.
 */
public final class AdyenNotification {

    /** More items than Adyen ever batches: a larger body is refused before any HMAC is computed. */
    static final int MAX_ITEMS = 100;
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern EVENT_CODE = Pattern.compile("[A-Z_]{1,60}");
    private static final Pattern CARD_SUMMARY = Pattern.compile("\\d{4}");

    private AdyenNotification() {
    }

    /**
     * The items of a webhook body, each as its own JSON object.
     * @throws IllegalArgumentException when the body is not an Adyen notification
     */
    public static List<JsonObject> items(byte[] body) {
        JsonObject request = object(body);
        if (!(request.get("notificationItems") instanceof JsonArray array) || array.isEmpty() || array.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("The body is not an Adyen notification (1 to " + MAX_ITEMS + " notificationItems)");
        }
        List<JsonObject> items = new ArrayList<>(array.size());
        for (JsonValue entry : array) {
            if (!(entry instanceof JsonObject wrapper) || !(wrapper.get("NotificationRequestItem") instanceof JsonObject item)) {
                throw new IllegalArgumentException("A notification item is not a NotificationRequestItem");
            }
            items.add(item);
        }
        return items;
    }

    /** An item whose event code and PSP reference have the shape Adyen gives them, checked before it is kept. */
    static boolean wellFormed(JsonObject item) {
        return EVENT_CODE.matcher(text(item, "eventCode")).matches() && REFERENCE.matcher(text(item, "pspReference")).matches()
                && text(item, "success").length() <= 5;
    }

    /** Adyen's key for an item: the same event sent again has the same one. */
    public static String id(JsonObject item) {
        return text(item, "eventCode") + ":" + text(item, "pspReference") + ":" + text(item, "success");
    }

    /**
     * One kept item in Quittance's words.
     * @throws IllegalArgumentException when it cannot be read (no event code or PSP reference, an impossible amount)
     */
    public static ProcessorEvent read(byte[] itemJson) {
        JsonObject item = object(itemJson);
        String code = text(item, "eventCode");
        String psp = text(item, "pspReference");
        if (code.isEmpty() || !REFERENCE.matcher(psp).matches()) {
            throw new IllegalArgumentException("The item has no event code or a malformed pspReference");
        }
        String original = text(item, "originalReference");
        if (!original.isEmpty() && !REFERENCE.matcher(original).matches()) {
            throw new IllegalArgumentException("The item's originalReference is malformed");
        }
        boolean success = "true".equals(text(item, "success"));
        String reason = text(item, "reason");
        Money amount = amount(item);
        String payment = original.isEmpty() ? psp : original;

        PaymentEvent meaning = null;
        String ignored = null;
        Money paymentAmount = null;
        switch (code) {
            case "AUTHORISATION" -> {
                // Captured at once (Adyen's default): an authorised payment is a paid one.
                meaning = success ? new PaymentEvent.Succeeded() : new PaymentEvent.Failed(reason.isEmpty() ? "Refused" : reason);
                paymentAmount = amount;
            }
            case "CAPTURE" -> {
                if (success) {
                    meaning = new PaymentEvent.Succeeded();
                    paymentAmount = amount;
                } else {
                    ignored = "the processor could not capture the payment (" + reason + "); look at it in the Adyen Customer Area";
                }
            }
            case "CANCELLATION" -> {
                if (success) {
                    meaning = new PaymentEvent.Failed("The payment was cancelled.");
                } else {
                    ignored = "a cancellation the processor could not make";
                }
            }
            case "REFUND" -> {
                if (success && amount != null) {
                    meaning = new PaymentEvent.RefundAdded(amount);
                } else {
                    ignored = success ? "a refund without an amount" : "a refund the processor could not make (" + reason + ")";
                }
            }
            case "CHARGEBACK" -> meaning = new PaymentEvent.DisputeOpened();
            case "CHARGEBACK_REVERSED" -> meaning = new PaymentEvent.DisputeClosed(true);
            case "SECOND_CHARGEBACK" -> meaning = new PaymentEvent.DisputeClosed(false);
            case "NOTIFICATION_OF_CHARGEBACK" -> ignored = "advance notice of a chargeback; the chargeback itself follows";
            default -> ignored = "event code " + code + " does not concern a portal payment";
        }
        JsonObject data = item.get("additionalData") instanceof JsonObject d ? d : JsonValue.EMPTY_JSON_OBJECT;
        Map<String, String> metadata = new LinkedHashMap<>();
        data.forEach((key, value) -> {
            if (key.startsWith("metadata.") && value instanceof JsonString s) {
                metadata.put(key.substring("metadata.".length()), s.getString());
            }
        });
        String merchantReference = text(item, "merchantReference");
        String last4 = text(data, "cardSummary");
        String brand = text(item, "paymentMethod");
        boolean card = CARD_SUMMARY.matcher(last4).matches() && !brand.isEmpty() && brand.length() <= 40;
        return new ProcessorEvent(id(item), code, payment, null, paymentAmount, Optional.ofNullable(meaning), ignored,
                merchantReference.isEmpty() ? null : merchantReference, metadata, card ? brand : null, card ? last4 : null);
    }

    /** Adyen amounts are integers in the currency's minor unit ("10100" EUR is 101.00), bounded before use. */
    private static Money amount(JsonObject item) {
        if (!(item.get("amount") instanceof JsonObject amount)) {
            return null;
        }
        String currency = text(amount, "currency");
        String value = text(amount, "value");
        if (currency.isEmpty() || value.isEmpty()) {
            return null;
        }
        if (value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("The amount is not a whole number of minor units: " + value.substring(0, Math.min(value.length(), 20)));
        }
        String code = currency.toUpperCase(Locale.ROOT);
        int digits;
        try {
            digits = Math.max(Currency.getInstance(code).getDefaultFractionDigits(), 0);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown currency " + code.substring(0, Math.min(code.length(), 8)));
        }
        return Money.of(Decimals.requireBounded(BigDecimal.valueOf(Long.parseLong(value), digits)), code);
    }

    private static JsonObject object(byte[] json) {
        try (var reader = Jsons.reader(json)) {
            return reader.readObject();
        } catch (JsonParsingException e) {
            throw new IllegalArgumentException("The body is not valid JSON: " + e.getMessage());
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("The body is not a JSON object");
        }
    }

    /** The item's bytes as they are kept: its own JSON, which its HMAC covers field by field. */
    static byte[] bytes(JsonObject item) {
        return item.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String text(JsonObject object, String field) {
        return AdyenSignature.text(object, field);
    }

}
