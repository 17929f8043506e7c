package org.quittance.payments.entity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The bank debit a processor's page can offer for a currency, besides cards. A debit is processing for
 * days (the client's balance moves only when it succeeds), can fail then, and can be returned by the
 * bank after it succeeded (which Stripe reports as a dispute: the receipt is reversed, as for a chargeback).
 */
public enum BankDebit {
    ACH("USD", "us_bank_account", "US bank account (ACH debit)"),
    BACS("GBP", "bacs_debit", "Bacs Direct Debit"),
    SEPA("EUR", "sepa_debit", "SEPA Direct Debit");

    private final String currency;
    private final String stripeType;
    private final String label;

    BankDebit(String currency, String stripeType, String label) {
        this.currency = currency;
        this.stripeType = stripeType;
        this.label = label;
    }

    public String currency() { return currency; }

    /** Stripe's payment method type, as on a Checkout Session and in a charge's payment_method_details. */
    public String stripeType() { return stripeType; }

    public String label() { return label; }

    public static Optional<BankDebit> forCurrency(String currency) {
        return Arrays.stream(values()).filter(d -> d.currency.equals(currency)).findFirst();
    }

    /** The debit a payment method is, by the processor's name for it ("bacs_debit"); empty for a card. */
    public static Optional<BankDebit> ofMethod(String method) {
        return Arrays.stream(values()).filter(d -> d.stripeType.equals(method)).findFirst();
    }
}
