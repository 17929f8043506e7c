package org.quittance.ledger.entity;

/** The movements a statement of account sums between its opening and closing balance, in its order. */
public enum StatementHeading {
    INVOICES("Invoices"),
    PAYMENTS("Payments"),
    CREDITS("Credits"),
    WRITE_OFFS("Write-offs"),
    REFUNDS("Refunds");

    private final String label;

    StatementHeading(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
