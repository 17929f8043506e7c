package org.quittance.billing.entity;

/** Where an invoice line comes from. Fees are time, fixed fees and ad-hoc lines; expenses are disbursements. */
public enum LineKind {
    TIME(true), FIXED_FEE(true), ADHOC(true), EXPENSE(false);

    private final boolean fee;

    LineKind(boolean fee) {
        this.fee = fee;
    }

    public boolean isFee() {
        return fee;
    }
}
