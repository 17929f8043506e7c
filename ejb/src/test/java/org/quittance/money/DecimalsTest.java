package org.quittance.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

class DecimalsTest {

    @Test
    void takesWhatPeopleType() {
        assertEquals(new BigDecimal("1250.50"), Decimals.parse(" 1,250.50 "));
        assertEquals(new BigDecimal("-3"), Decimals.parse("-3"));
        assertEquals(new BigDecimal(".5"), Decimals.parse(".5"));
        assertEquals(new BigDecimal("999999999999999.999999"), Decimals.parse("999999999999999.999999"));
    }

    @Test
    void refusesExponentsAndGarbageWithAMessageForAPerson() {
        for (String typed : new String[]{"1E+20000000", "1e-9", "12,34", "1.2.3", "NaN", "Infinity", "0x10", "", "١٢٣"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Decimals.parse(typed), typed);
            assertEquals("Enter a number such as 1250.50", e.getMessage());
        }
    }

    @Test
    void refusesMoreDigitsThanCanBeKept() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Decimals.parse("1000000000000000"))
                .getMessage().contains("too large"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Decimals.parse("1.0000001"))
                .getMessage().contains("too many decimals"));
        assertEquals(new BigDecimal("1.0000000"), Decimals.parse("1.0000000"), "trailing zeros are not precision");
    }

    @Test
    void refusesHugeValuesWithoutExpandingThem() {
        // Each of these would take seconds and gigabytes if any digit were materialised.
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertThrows(IllegalArgumentException.class, () -> Decimals.requireBounded(new BigDecimal("1E+200000000")));
            assertThrows(IllegalArgumentException.class, () -> Decimals.requireBounded(new BigDecimal("1E-200000000")));
            assertThrows(IllegalArgumentException.class, () -> Money.of(new BigDecimal("1E+200000000"), "GBP"));
            assertThrows(IllegalArgumentException.class, () -> Money.of(new BigDecimal("-1E+200000000"), "GBP"));
            assertThrows(IllegalArgumentException.class, () -> Money.of(new BigDecimal("1E-200000000"), "GBP"));
            assertEquals(Money.zero("GBP"), Money.of(new BigDecimal("0E+200000000"), "GBP"));
        });
    }
}
