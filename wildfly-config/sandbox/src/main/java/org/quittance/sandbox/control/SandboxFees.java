package org.quittance.sandbox.control;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The sandbox's card fee, like a UK card's: 1.5 % of the amount (rounded half-up to the minor unit) plus 20 minor units. */
public final class SandboxFees {

    private static final BigDecimal RATE = new BigDecimal("0.015");
    private static final long FIXED = 20;

    private SandboxFees() {
    }

    /** @param amountMinor the charge in minor units (pence, cents) */
    public static long of(long amountMinor) {
        return new BigDecimal(amountMinor).multiply(RATE).setScale(0, RoundingMode.HALF_UP).longValueExact() + FIXED;
    }
}
