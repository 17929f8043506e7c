package org.quittance.payments.processor;

import org.quittance.money.Money;

import java.util.List;

/**
 * A hosted checkout to create.
 * @param reference      our checkout reference, carried in the processor's metadata
 * @param idempotencyKey the same key for a retried create, so the processor makes one checkout
 * @param bankDebit      the page may offer the currency's bank debit besides cards (the firm switched it on)
 */
public record CheckoutRequest(String reference, String idempotencyKey, String merchant, List<Line> lines, Customer customer,
                              String successUrl, String cancelUrl, boolean bankDebit) {

    /** The metadata key under which an adapter keeps our checkout reference at the processor, and reads it back. */
    public static final String REFERENCE_METADATA = "quittance_checkout";

    /** One invoice and the part of it being paid. */
    public record Line(Long invoiceId, String invoiceNumber, Money amount) {
    }

    public record Customer(String name, String email, String line1, String line2, String city, String postcode, String country) {
    }

    public Money total() {
        Money total = Money.zero(lines.get(0).amount().currency());
        for (Line line : lines) {
            total = total.plus(line.amount());
        }
        return total;
    }

    /** "12:100.00,13:50.00" — what each invoice gets, readable back from the processor's metadata. */
    public String allocation() {
        StringBuilder s = new StringBuilder();
        for (Line line : lines) {
            if (!s.isEmpty()) s.append(',');
            s.append(line.invoiceId()).append(':').append(line.amount().amount().toPlainString());
        }
        return s.toString();
    }
}
