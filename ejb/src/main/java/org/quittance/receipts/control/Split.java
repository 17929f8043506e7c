package org.quittance.receipts.control;

import org.quittance.money.Money;

import java.util.Map;

/**
 * How a receipt divides: invoice id → the part that pays it, and what is left over as the client's
 * unapplied credit.
 */
public record Split(Map<Long, Money> invoices, Money unapplied) {

    public Split {
        invoices = Map.copyOf(invoices);
    }
}
