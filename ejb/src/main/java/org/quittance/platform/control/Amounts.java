package org.quittance.platform.control;

import org.quittance.money.Money;

import java.math.BigDecimal;

/** Amounts typed by a user: exact in their currency, or refused with a message that names the field. */
public final class Amounts {

    private Amounts() {
    }

    public static Money exact(BigDecimal amount, String currency, String field) {
        try {
            return Money.of(amount, currency);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(field + ": " + e.getMessage() + ".");
        }
    }
}
