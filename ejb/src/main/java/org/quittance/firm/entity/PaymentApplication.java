package org.quittance.firm.entity;

/** What happens to a payment made in the portal once the processor has confirmed it. */
public enum PaymentApplication {
    /** It waits in Integrated Receipts until staff accept it. */
    REVIEW,
    /** It is applied to its invoices at once when its match is certain. */
    AUTO_APPLY
}
