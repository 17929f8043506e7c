package org.quittance.payments.control;

import org.quittance.money.Money;

/**
 * Fired (a CDI event, in the notification's transaction) with what the processor says went back of a
 * confirmed payment: the refund so far and whether a chargeback holds the money. Facts, so a repeated
 * one changes nothing; the receipts concept observes it.
 */
public record MoneyReturned(String paymentReference, Money totalRefunded, boolean chargedBack) {
}
