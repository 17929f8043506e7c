package org.quittance.ledger.entity;

/** What a ledger entry records. Each has a label as the ledgers print it, and the heading a statement of account sums it under. */
public enum EntryKind {
    INVOICE("Invoice", StatementHeading.INVOICES),
    VOID("Invoice voided", StatementHeading.INVOICES),
    RECEIPT("Receipt", StatementHeading.PAYMENTS),
    RECEIPT_REVERSAL("Receipt reversed", StatementHeading.PAYMENTS),
    UNAPPLIED_CREDIT("Unapplied credit", StatementHeading.PAYMENTS),
    CREDIT_APPLIED("Credit applied", StatementHeading.CREDITS),
    CREDIT_REFUNDED("Credit refunded", StatementHeading.REFUNDS),
    REFUND("Refund", StatementHeading.REFUNDS),
    WRITE_OFF("Write-off", StatementHeading.WRITE_OFFS),
    CREDIT_MEMO("Credit memo", StatementHeading.CREDITS);

    private final String label;
    private final StatementHeading heading;

    EntryKind(String label, StatementHeading heading) {
        this.label = label;
        this.heading = heading;
    }

    public String label() {
        return label;
    }

    public StatementHeading heading() {
        return heading;
    }
}
