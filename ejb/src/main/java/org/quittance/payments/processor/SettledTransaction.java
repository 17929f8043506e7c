package org.quittance.payments.processor;

import org.quittance.money.Money;

import java.time.Instant;
import java.util.Map;

/**
 * A transaction the processor has settled: a charge (money in) or a refund (money out), with its fee.
 * @param type        the processor's kind of transaction: charge, refund, adjustment, payout, …
 * @param source      the charge or refund it records
 * @param paymentId   the payment it belongs to (PaymentIntent), when known
 * @param metadata    the payment's metadata (our checkout reference and invoices), empty when none
 * @param description the payment's description, which may name invoices
 */
public record SettledTransaction(String id, String type, String source, String paymentId, Money gross, Money fee, Money net,
                                 Instant created, String payout, Map<String, String> metadata, String description) {

    public SettledTransaction {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** Our portal checkout's reference, when the payment carries it. */
    public String checkoutReference() {
        return metadata.get(CheckoutRequest.REFERENCE_METADATA);
    }
}
