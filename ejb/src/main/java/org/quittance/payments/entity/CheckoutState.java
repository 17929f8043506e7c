package org.quittance.payments.entity;

/** A portal checkout: opened at the processor, then paid, or left until it expired. */
public enum CheckoutState {
    OPEN, PAID, EXPIRED
}
