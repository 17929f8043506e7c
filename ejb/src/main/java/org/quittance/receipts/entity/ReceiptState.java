package org.quittance.receipts.entity;

/** awaiting acceptance → accepted (→ awaiting again when staff undo it) | rejected; accepted → reversed (chargeback, ACH return). */
public enum ReceiptState {
    AWAITING_ACCEPTANCE("Awaiting acceptance"),
    ACCEPTED("Accepted"),
    REJECTED("Rejected"),
    REVERSED("Reversed");

    private final String label;

    ReceiptState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
