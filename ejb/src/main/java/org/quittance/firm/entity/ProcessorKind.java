package org.quittance.firm.entity;

/** The payment-processor adapters Quittance has. */
public enum ProcessorKind {
    /** The built-in processor emulator: test mode only, no real money moves. */
    SANDBOX("Sandbox (test mode only)"),
    STRIPE("Stripe");

    private final String label;

    ProcessorKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
