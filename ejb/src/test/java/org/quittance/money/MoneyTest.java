package org.quittance.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.*;

class MoneyTest {

    @Test
    void isHeldAtTheCurrencysMinorUnit() {
        assertEquals(new BigDecimal("12.50"), Money.of("12.5", "EUR").amount());
        assertEquals(new BigDecimal("1200"), Money.of("1200", "JPY").amount());
        assertEquals(new BigDecimal("1.250"), Money.of("1.25", "BHD").amount());
    }

    @Test
    void rejectsMoreDecimalsThanTheCurrencyAllows() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Money.of("10.005", "EUR"));
        assertTrue(e.getMessage().contains("more decimals than EUR allows"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Money.of("100.5", "JPY"));
    }

    @Test
    void acceptsTrailingZerosBeyondTheMinorUnit() {
        assertEquals(Money.of("10.5", "EUR"), Money.of("10.5000", "EUR"));
    }

    @Test
    void roundsProductsHalfUpOnce() {
        // 1.25 h × 199.99 = 249.9875 → 249.99
        assertEquals(Money.of("249.99", "GBP"), Money.of("199.99", "GBP").times(new BigDecimal("1.25")));
        // exactly half a penny rounds up: 0.3 h × 0.05 = 0.015 → 0.02
        assertEquals(Money.of("0.02", "GBP"), Money.of("0.05", "GBP").times(new BigDecimal("0.3")));
        // and away from zero for negative amounts (credits): -0.015 → -0.02
        assertEquals(Money.of("-0.02", "GBP"), Money.of("-0.05", "GBP").times(new BigDecimal("0.3")));
    }

    @Test
    void addsAndSubtractsInOneCurrencyOnly() {
        Money a = Money.of("10.10", "EUR");
        assertEquals(Money.of("15.30", "EUR"), a.plus(Money.of("5.20", "EUR")));
        assertEquals(Money.of("-0.90", "EUR"), a.minus(Money.of("11", "EUR")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.plus(Money.of("1", "USD")));
        assertEquals("Cannot combine EUR with USD", e.getMessage());
    }

    @Test
    void comparesByValueNotScale() {
        assertEquals(Money.of("1", "EUR"), Money.of("1.00", "EUR"));
        assertEquals(Money.of("1", "EUR").hashCode(), Money.of("1.00", "EUR").hashCode());
        assertNotEquals(Money.of("1", "EUR"), Money.of("1", "USD"));
        assertTrue(Money.of("2", "EUR").compareTo(Money.of("10", "EUR")) < 0);
    }

    @Test
    void rejectsUnknownCurrencies() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Money.of("1", "XYZ"));
        assertEquals("Unknown currency: XYZ", e.getMessage());
    }

    @Test
    void printsForPeople() {
        assertEquals("GBP 1,234.50", Money.of("1234.5", "GBP").toString());
    }

    @Test
    void groupsThousandsWhateverTheSignAndDigits() {
        assertEquals("0.00", Money.zero("GBP").figure());
        assertEquals("999.99", Money.of("999.99", "USD").figure());
        assertEquals("1,000.00", Money.of("1000", "USD").figure());
        assertEquals("123,456,789.01", Money.of("123456789.01", "EUR").figure());
        assertEquals("-1,234,567.80", Money.of("-1234567.8", "EUR").figure());
        assertEquals("-100.00", Money.of("-100", "EUR").figure());
        assertEquals("JPY 1,234,567", Money.of("1234567", "JPY").toString());
        assertEquals("-999", Money.of("-999", "JPY").figure());
    }
}
