package org.quittance.payments.adyen;

import jakarta.json.JsonObject;
import org.quittance.money.Money;
import org.quittance.payments.processor.CheckoutRequest;
import org.quittance.payments.processor.CheckoutStatus;
import org.quittance.payments.processor.ConnectionTest;
import org.quittance.payments.processor.HostedCheckout;
import org.quittance.payments.processor.NotificationRefused;
import org.quittance.payments.processor.PaymentProcessor;
import org.quittance.payments.processor.ProcessorEvent;
import org.quittance.payments.processor.ProcessorPayout;
import org.quittance.payments.processor.ProcessorUnavailable;
import org.quittance.payments.processor.RemotePayment;
import org.quittance.payments.processor.SettledTransaction;
import org.quittance.payments.processor.VerifiedNotification;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Adyen adapter, so far its standard webhooks: HMAC-signed notification items through the same
 * inbox, queue and payment state as Stripe's. Adyen's hosted checkout and its reports come later;
 * until then those calls say so to the person who made them.
 */
public final class AdyenProcessor implements PaymentProcessor {

    public static final String NAME = "ADYEN";
    private static final String NOT_YET = "Card payments through Adyen's hosted checkout are not available in Quittance yet; "
            + "Adyen's notifications are.";

    private final AdyenSignature signature;

    /** @param hmacKey the HMAC key of the webhook, hex as the Customer Area shows it; null when none is set */
    public AdyenProcessor(String hmacKey) {
        this.signature = hmacKey == null ? null : new AdyenSignature(hmacKey);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConnectionTest testConnection(boolean live) {
        return signature == null ? new ConnectionTest(false, "No HMAC key is set for Adyen's webhook.")
                : new ConnectionTest(true, "Adyen's notifications will be verified with the HMAC key. " + NOT_YET);
    }

    @Override
    public List<VerifiedNotification> verify(byte[] rawBody, String signatureHeader, Instant now) throws NotificationRefused {
        if (signature == null) {
            throw new NotificationRefused("no HMAC key is configured for the payment account");
        }
        List<JsonObject> items;
        try {
            items = AdyenNotification.items(rawBody);
        } catch (IllegalArgumentException e) {
            throw new NotificationRefused(e.getMessage());
        }
        List<VerifiedNotification> verified = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonObject item = items.get(i);
            if (!AdyenNotification.wellFormed(item)) {
                throw new NotificationRefused("item " + (i + 1) + " of " + items.size() + " has no well-formed eventCode or pspReference");
            }
            if (!signature.matches(item)) {
                throw new NotificationRefused("item " + (i + 1) + " of " + items.size() + ": no HMAC signature matches");
            }
            verified.add(new VerifiedNotification(AdyenNotification.id(item), AdyenSignature.text(item, "eventCode"),
                    eventDate(item, now), AdyenNotification.bytes(item)));
        }
        return verified;
    }

    @Override
    public ProcessorEvent read(byte[] payload) {
        return AdyenNotification.read(payload);
    }

    /** When Adyen says the event happened; the time of arrival when it does not say so readably. */
    private static Instant eventDate(JsonObject item, Instant now) {
        try {
            return OffsetDateTime.parse(AdyenSignature.text(item, "eventDate")).toInstant();
        } catch (DateTimeParseException e) {
            return now;
        }
    }

    @Override
    public HostedCheckout createCheckout(CheckoutRequest request) throws ProcessorUnavailable {
        throw new ProcessorUnavailable(NOT_YET, null);
    }

    @Override
    public CheckoutStatus checkoutStatus(String sessionId) throws ProcessorUnavailable {
        throw new ProcessorUnavailable(NOT_YET, null);
    }

    @Override
    public RemotePayment payment(String paymentId) throws ProcessorUnavailable {
        throw new ProcessorUnavailable(NOT_YET, null);
    }

    @Override
    public List<SettledTransaction> settledTransactions(Instant from, Instant to, String startingAfter, int limit) throws ProcessorUnavailable {
        throw new ProcessorUnavailable(NOT_YET, null);
    }

    @Override
    public List<ProcessorPayout> payouts(Instant from, Instant to, String startingAfter, int limit) throws ProcessorUnavailable {
        throw new ProcessorUnavailable(NOT_YET, null);
    }

    @Override
    public List<SettledTransaction> payoutTransactions(String payoutId, String startingAfter, int limit) throws ProcessorUnavailable {
        throw new ProcessorUnavailable(NOT_YET, null);
    }

    @Override
    public String refund(String paymentReference, Money amount, String reason, String idempotencyKey) throws ProcessorUnavailable {
        throw new ProcessorUnavailable(NOT_YET, null);
    }
}
