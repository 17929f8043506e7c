package org.quittance.payments.processor;

import org.quittance.money.Money;

import java.time.Instant;

/**
 * A transaction the processor has settled: a charge (money in) or a refund (money out), with its fee.
 * @param paymentId the payment it belongs to (PaymentIntent), when known
 */
public record SettledTransaction(String id, String type, String source, String paymentId, Money gross, Money fee, Money net,
                                 Instant created, String payout) {
}
