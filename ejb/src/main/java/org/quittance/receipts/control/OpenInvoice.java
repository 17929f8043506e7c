package org.quittance.receipts.control;

import org.quittance.money.Money;

import java.time.LocalDate;

/** An invoice that can still be paid, as matching and allocation see it. */
public record OpenInvoice(Long invoiceId, String number, Long clientId, Long matterId, LocalDate dueDate, Money balance) {
}
