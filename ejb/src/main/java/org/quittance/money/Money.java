package org.quittance.money;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in a currency, always held at the currency's minor unit (2 decimals for EUR, 0 for JPY).
 * Immutable. The one rounding rule of Quittance is {@link #ROUNDING}: results of multiplication
 * (hours × rate, tax rates, discounts) are rounded half-up to the minor unit, line by line.
 * Amounts given with more decimals than the currency has are rejected, not rounded silently.
 */
@Embeddable
public class Money implements Serializable, Comparable<Money> {

    /** Commercial rounding, applied whenever a computation produces more decimals than the currency has. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    @Column(name = "amount", nullable = false)
    private BigDecimal amount;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    protected Money() {
        // for JPA
    }

    private Money(BigDecimal amount, Currency currency) {
        this.amount = amount;
        this.currency = currency.getCurrencyCode();
    }

    /**
     * An exact amount: rejects more decimals than the currency allows, and anything outside
     * {@link Decimals}' bounds before touching its digits.
     */
    public static Money of(BigDecimal amount, String currencyCode) {
        Objects.requireNonNull(amount, "amount");
        Currency currency = currency(currencyCode);
        int scale = minorDigits(currency);
        amount = Decimals.requireBounded(amount);
        BigDecimal normalised = amount.stripTrailingZeros();
        if (normalised.scale() > scale) {
            throw new IllegalArgumentException(amount.toPlainString() + " has more decimals than "
                    + currency.getCurrencyCode() + " allows (" + scale + ")");
        }
        return new Money(amount.setScale(scale, RoundingMode.UNNECESSARY), currency);
    }

    public static Money of(String amount, String currencyCode) {
        return of(Decimals.parse(amount), currencyCode);
    }

    /** A computed amount: rounded to the currency's minor unit with {@link #ROUNDING}. */
    public static Money rounded(BigDecimal amount, String currencyCode) {
        Currency currency = currency(currencyCode);
        return new Money(amount.setScale(minorDigits(currency), ROUNDING), currency);
    }

    public static Money zero(String currencyCode) {
        return rounded(BigDecimal.ZERO, currencyCode);
    }

    /** Always at the currency's minor unit, also when loaded from a wider database column. */
    public BigDecimal amount() {
        return amount.setScale(minorDigits(currency(currency)), RoundingMode.UNNECESSARY);
    }

    public String currency() {
        return currency;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount().add(other.amount()), currency(currency));
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount().subtract(other.amount()), currency(currency));
    }

    /** Multiplies by a factor (hours, a rate, a percentage as a fraction) and rounds once. */
    public Money times(BigDecimal factor) {
        return rounded(amount.multiply(factor), currency);
    }

    public Money negate() {
        return new Money(amount().negate(), currency(currency));
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency);
        }
    }

    private static Currency currency(String code) {
        Objects.requireNonNull(code, "currency");
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown currency: " + code, e);
        }
    }

    private static int minorDigits(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        return Math.max(digits, 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money other && currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(currency, amount.stripTrailingZeros());
    }

    /** For screens and e-mails: "EUR 1,234.50". */
    @Override
    public String toString() {
        return currency + " " + figure();
    }

    /** The amount alone, grouped as on screens, for a column whose heading or row names the currency: "1,234.50". */
    public String figure() {
        // By hand rather than String.format("%,.2f"), which parsed its pattern each time: an import
        // describes every receipt it records with its amount, and formatting took 8 % of its time.
        String plain = amount().toPlainString();
        int digits = plain.startsWith("-") ? 1 : 0;
        int point = plain.indexOf('.');
        int end = point < 0 ? plain.length() : point;
        StringBuilder shown = new StringBuilder(plain.length() + end / 3).append(plain, 0, digits);
        for (int i = digits; i < end; i++) {
            if (i > digits && (end - i) % 3 == 0) {
                shown.append(',');
            }
            shown.append(plain.charAt(i));
        }
        return shown.append(plain, end, plain.length()).toString();
    }
}
