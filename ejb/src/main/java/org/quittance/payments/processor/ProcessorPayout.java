package org.quittance.payments.processor;

import org.quittance.money.Money;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Money the processor sent to the firm's bank account: one bank credit for many settled transactions
 * (the card payments less their fees, less refunds and disputes).
 * @param arrival the day the bank is expected to receive it
 */
public record ProcessorPayout(String id, Money amount, LocalDate arrival, String status, Instant created) {
}
