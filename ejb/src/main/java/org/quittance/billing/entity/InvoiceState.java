package org.quittance.billing.entity;

/** draft → final → published → partly paid → paid; final or published → void (number and history kept). */
public enum InvoiceState {
    DRAFT("Draft"),
    FINAL("Final"),
    PUBLISHED("Published"),
    PARTLY_PAID("Partly paid"),
    PAID("Paid"),
    VOID("Void");

    private final String label;

    InvoiceState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
