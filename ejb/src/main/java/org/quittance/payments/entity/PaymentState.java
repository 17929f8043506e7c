package org.quittance.payments.entity;

/** pending → succeeded → (refunded | partly refunded | disputed → won / lost), or failed. */
public enum PaymentState {
    PENDING("Pending"),
    SUCCEEDED("Succeeded"),
    FAILED("Failed"),
    PARTLY_REFUNDED("Partly refunded"),
    REFUNDED("Refunded"),
    DISPUTED("Disputed"),
    DISPUTE_WON("Dispute won"),
    DISPUTE_LOST("Dispute lost");

    private final String label;

    PaymentState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
