package org.quittance.web.staff;

import org.quittance.money.Money;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Objects;

/** How a form's amounts per invoice stand against the money received: placed on invoices, left as credit, or too much. */
final class Placement {

    private Placement() {
    }

    static BigDecimal placed(Collection<BigDecimal> parts) {
        return parts.stream().filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** "GBP 300.00 on invoices, GBP 50.00 unapplied credit." */
    static String describe(BigDecimal received, Collection<BigDecimal> parts, String currency, String tooMuch) {
        BigDecimal placed = placed(parts);
        BigDecimal left = received.subtract(placed);
        return Money.of(placed, currency) + " on invoices" + (left.signum() > 0 ? ", " + Money.of(left, currency) + " unapplied credit" : "")
                + (left.signum() < 0 ? " — " + tooMuch : "") + ".";
    }
}
