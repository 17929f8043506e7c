package org.quittance.receipts.entity;

/** How the client paid. */
public enum PaymentMethod {
    CARD("Card"),
    CHEQUE("Cheque"),
    CASH("Cash"),
    WIRE("Wire transfer"),
    ACH("ACH / bank transfer");

    private final String label;

    PaymentMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
