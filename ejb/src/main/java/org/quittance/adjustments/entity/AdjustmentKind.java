package org.quittance.adjustments.entity;

/** What an adjustment does to what the client owes. */
public enum AdjustmentKind {
    /** Part or all of an invoice's balance that will not be collected. */
    WRITE_OFF("Write-off", true),
    /** A reduction granted to the client: on an invoice, or as credit for later invoices. */
    CREDIT_MEMO("Credit memo", false),
    /** Unapplied credit (an overpayment, a credit memo) used to pay an invoice. */
    CREDIT_APPLIED("Credit applied", true),
    /** Unapplied credit paid back to the client outside the processor (cheque, transfer). */
    CREDIT_REFUNDED("Credit refunded", false);

    private final String label;
    private final boolean needsInvoice;

    AdjustmentKind(String label, boolean needsInvoice) {
        this.label = label;
        this.needsInvoice = needsInvoice;
    }

    public String label() {
        return label;
    }

    public boolean needsInvoice() {
        return needsInvoice;
    }
}
