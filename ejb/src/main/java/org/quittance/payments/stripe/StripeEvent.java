package org.quittance.payments.stripe;

import org.quittance.platform.control.Jsons;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import org.quittance.money.Money;
import org.quittance.payments.entity.BankDebit;
import org.quittance.payments.processor.CheckoutRequest;
import org.quittance.payments.processor.PaymentEvent;
import org.quittance.payments.processor.ProcessorEvent;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What Quittance reads from a Stripe event: its id and type, the payment it concerns, and the
 * {@link PaymentEvent} it means — or an explicit reason to ignore it. Read tolerantly from the raw
 * JSON (ids may be strings or expanded objects, fields come and go between API versions), because
 * typed deserialisation fails for events of other API versions than the library's.
 *
 * @param paymentIntent the PaymentIntent id (pi_…), the key of a processor payment, when the event names it
 * @param charge        the Charge id (ch_…), when the event names it (refunds and disputes often only do)
 * @param metadata      our metadata (invoice ids and amounts), from a PaymentIntent or Checkout Session
 * @param cardBrand     the card's brand from a charge ("visa"), else null; with {@code cardLast4} all we keep of a card
 */
public record StripeEvent(String id, String type, String paymentIntent, String charge, Money amount,
                          Optional<PaymentEvent> meaning, String ignoredBecause, Map<String, String> metadata,
                          String cardBrand, String cardLast4) {

    /** @throws IllegalArgumentException when the body is not a Stripe event at all (malformed JSON, no id or type) */
    public static StripeEvent parse(byte[] rawJson) {
        JsonObject event;
        try (var reader = Jsons.reader(rawJson)) {
            event = reader.readObject();
        } catch (JsonParsingException e) {
            throw new IllegalArgumentException("The body is not valid JSON: " + e.getMessage());
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("The body is not a JSON object");
        }
        String id = string(event, "id");
        String type = string(event, "type");
        if (id == null || type == null || !"event".equals(string(event, "object"))) {
            throw new IllegalArgumentException("The body is not a Stripe event (no id, type or object \"event\")");
        }
        JsonObject object = event.containsKey("data") && event.get("data") instanceof JsonObject data
                && data.get("object") instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        String objectType = string(object, "object");
        String paymentIntent = "payment_intent".equals(objectType) ? string(object, "id") : reference(object, "payment_intent");
        String charge = "charge".equals(objectType) ? string(object, "id") : reference(object, "charge");
        if (charge == null && "payment_intent".equals(objectType)) {
            charge = reference(object, "latest_charge");
        }
        String currency = string(object, "currency");
        Money amount = null;
        if (currency != null) {
            Long minor = number(object, "checkout.session".equals(objectType) ? "amount_total" : "amount");
            amount = minor == null ? null : fromMinorUnits(minor, currency);
        }
        Map<String, String> metadata = metadata(object);

        PaymentEvent meaning = null;
        String ignored = null;
        switch (type) {
            case "payment_intent.created", "payment_intent.processing", "payment_intent.requires_action", "charge.pending" ->
                    meaning = new PaymentEvent.Pending();
            case "payment_intent.succeeded", "charge.succeeded" -> meaning = new PaymentEvent.Succeeded();
            case "checkout.session.completed" -> {
                if ("paid".equals(string(object, "payment_status"))) {
                    meaning = new PaymentEvent.Succeeded();
                } else {
                    meaning = new PaymentEvent.Pending();
                }
            }
            case "payment_intent.payment_failed", "charge.failed", "payment_intent.canceled" -> meaning = new PaymentEvent.Failed(failureReason(object));
            case "charge.refunded" -> {
                Long refunded = number(object, "amount_refunded");
                if (refunded == null || currency == null) {
                    ignored = "a refund event without amount_refunded";
                } else {
                    meaning = new PaymentEvent.Refunded(fromMinorUnits(refunded, currency));
                }
            }
            case "charge.dispute.created", "charge.dispute.funds_withdrawn" -> meaning = new PaymentEvent.DisputeOpened();
            case "charge.dispute.closed" -> {
                String status = string(object, "status");
                if ("won".equals(status) || "lost".equals(status)) {
                    meaning = new PaymentEvent.DisputeClosed("won".equals(status));
                } else {
                    ignored = "a closed dispute with status " + status;
                }
            }
            case "charge.dispute.funds_reinstated" -> meaning = new PaymentEvent.DisputeClosed(true);
            default -> ignored = "event type " + type + " does not concern a portal payment";
        }
        if (meaning != null && paymentIntent == null && charge == null) {
            meaning = null;
            ignored = "it names no payment intent or charge";
        }
        String brand = null;
        String last4 = null;
        if (object.get("payment_method_details") instanceof JsonObject details) {
            if (details.get("card") instanceof JsonObject card) {
                brand = string(card, "brand");
                last4 = string(card, "last4");
            } else if (string(details, "type") != null && BankDebit.ofMethod(string(details, "type")).isPresent()
                    && details.get(string(details, "type")) instanceof JsonObject account) {
                // A bank debit: its type stands for the brand, the account's last four digits for the card's.
                brand = string(details, "type");
                last4 = string(account, "last4");
            }
        }
        return new StripeEvent(id, type, paymentIntent, charge, amount, Optional.ofNullable(meaning), ignored, metadata, brand, last4);
    }

    /** In Quittance's words: the PaymentIntent is the payment, the Charge its second reference. */
    public ProcessorEvent neutral() {
        return new ProcessorEvent(id, type, paymentIntent, charge, amount, meaning, ignoredBecause,
                metadata.get(CheckoutRequest.REFERENCE_METADATA), metadata, cardBrand, cardLast4);
    }

    /** Stripe amounts are integers in the currency's minor unit ("2000" USD is 20.00). */
    static Money fromMinorUnits(long minor, String currency) {
        String code = currency.toUpperCase(Locale.ROOT);
        int digits = Math.max(Currency.getInstance(code).getDefaultFractionDigits(), 0);
        return Money.of(BigDecimal.valueOf(minor, digits), code);
    }

    private static String failureReason(JsonObject object) {
        if (object.get("last_payment_error") instanceof JsonObject error) {
            String message = string(error, "message");
            return message != null ? message : string(error, "code");
        }
        String message = string(object, "failure_message");
        return message != null ? message : Optional.ofNullable(string(object, "cancellation_reason")).orElse("declined");
    }

    private static Map<String, String> metadata(JsonObject object) {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (object.get("metadata") instanceof JsonObject m) {
            m.forEach((k, v) -> {
                if (v instanceof JsonString s) {
                    metadata.put(k, s.getString());
                }
            });
        }
        return metadata;
    }

    /** An id that may be a plain string or an expanded object with an id. */
    private static String reference(JsonObject object, String key) {
        JsonValue value = object.get(key);
        if (value instanceof JsonString s) {
            return s.getString();
        }
        if (value instanceof JsonObject o) {
            return string(o, "id");
        }
        return null;
    }

    private static String string(JsonObject object, String key) {
        return object.get(key) instanceof JsonString s ? s.getString() : null;
    }

    private static Long number(JsonObject object, String key) {
        return object.get(key) instanceof JsonNumber n && n.isIntegral() ? n.longValue() : null;
    }
}
