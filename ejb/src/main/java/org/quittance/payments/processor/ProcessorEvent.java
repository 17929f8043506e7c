package org.quittance.payments.processor;

import org.quittance.money.Money;

import java.util.Map;
import java.util.Optional;

/**
 * What a processor's notification says, in Quittance's words: each adapter reads its own format into
 * this, and everything after the inbox (the payment's state, its receipt, the administrator's e-mail)
 * works on it alone.
 *
 * @param payment           the processor's key of the payment (Stripe's PaymentIntent, Adyen's original PSP reference)
 * @param charge            a second reference of the same payment where the processor has one (Stripe's Charge), else null
 * @param amount            the payment's own amount when the notification states it (not a refund's or a dispute's), else null
 * @param meaning           its effect on the payment, or empty with {@code ignoredBecause}
 * @param checkoutReference our portal checkout's reference, when the notification carries it back
 * @param metadata          what else the processor kept for us, recorded with the payment
 * @param cardBrand         the card's brand ("visa"), else null; with {@code cardLast4} all we keep of a card
 */
public record ProcessorEvent(String id, String type, String payment, String charge, Money amount,
                             Optional<PaymentEvent> meaning, String ignoredBecause, String checkoutReference,
                             Map<String, String> metadata, String cardBrand, String cardLast4) {

    public ProcessorEvent {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** The payment's key: the processor's payment reference, or the charge when that is all it names. */
    public String paymentKey() {
        return payment != null ? payment : charge;
    }
}
