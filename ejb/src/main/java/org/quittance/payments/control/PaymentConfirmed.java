package org.quittance.payments.control;

import org.quittance.money.Money;

import java.time.OffsetDateTime;

/**
 * Fired (a CDI event, in the notification's transaction) when the processor confirms a payment: the
 * receipts concept observes it and makes the payment an integrated receipt, so payments need not
 * know receipts.
 * @param paymentReference  the processor's payment, or its charge when there is none
 * @param checkoutReference our portal checkout, when the payment carries it
 */
public record PaymentConfirmed(String paymentReference, String chargeReference, Money amount, OffsetDateTime at, String checkoutReference) {
}
