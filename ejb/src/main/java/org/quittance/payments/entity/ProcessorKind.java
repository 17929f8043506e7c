package org.quittance.payments.entity;

import java.util.Arrays;
import java.util.List;

/** The payment-processor adapters Quittance has. */
public enum ProcessorKind {
    /** The built-in processor emulator: test mode only, no real money moves. */
    SANDBOX("Sandbox (test mode only)", true),
    STRIPE("Stripe", true),
    /** Its notifications so far; its hosted checkout is still to come, so it is not offered on Setup › Firm. */
    ADYEN("Adyen", false);

    private final String label;
    private final boolean checkout;

    ProcessorKind(String label, boolean checkout) {
        this.label = label;
        this.checkout = checkout;
    }

    public String label() {
        return label;
    }

    /** Whether clients can pay through it in the portal (its hosted checkout is built). */
    public boolean takesCardPayments() {
        return checkout;
    }

    /** What a firm can choose on Setup › Firm. */
    public static List<ProcessorKind> offered() {
        return Arrays.stream(values()).filter(ProcessorKind::takesCardPayments).toList();
    }
}
