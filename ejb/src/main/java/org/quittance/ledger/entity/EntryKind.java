package org.quittance.ledger.entity;

/** What a ledger entry records. Each has a label as the ledgers print it. */
public enum EntryKind {
    INVOICE("Invoice"),
    VOID("Invoice voided"),
    RECEIPT("Receipt"),
    RECEIPT_REVERSAL("Receipt reversed"),
    UNAPPLIED_CREDIT("Unapplied credit"),
    CREDIT_APPLIED("Credit applied"),
    CREDIT_REFUNDED("Credit refunded"),
    REFUND("Refund"),
    WRITE_OFF("Write-off"),
    CREDIT_MEMO("Credit memo");

    private final String label;

    EntryKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
