package org.quittance.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

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
    void takesWhatPeopleTypeInTheFirmsLocale() {
        Locale germany = Locale.GERMANY;
        assertEquals(new BigDecimal("1250.50"), Decimals.parse("1.250,50", germany));
        assertEquals(new BigDecimal("120.50"), Decimals.parse(" 120,50 ", germany));
        assertEquals(new BigDecimal("1250.50"), Decimals.parse("1 250,50", Locale.FRANCE), "a space as a keyboard types it");
        assertEquals(new BigDecimal("1250.50"), Decimals.parse("1\u202F250,50", Locale.FRANCE), "the narrow space as the firm's format writes it");
        assertEquals(new BigDecimal("1250.50"), Decimals.parse("1'250.50", Locale.forLanguageTag("de-CH")));
        assertEquals(new BigDecimal("1250.50"), Decimals.parse("1\u2019250.50", Locale.forLanguageTag("de-CH")));
        assertEquals(new BigDecimal("1250.50"), Decimals.parse("1,250.50", Locale.UK));
    }

    @Test
    void refusesTheOtherMarkRatherThanGuessAHundredfold() {
        IllegalArgumentException german = assertThrows(IllegalArgumentException.class, () -> Decimals.parse("120.50", Locale.GERMANY));
        assertEquals("Enter a number such as 1250,50", german.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Decimals.parse("1,250.50", Locale.GERMANY));
        assertEquals("Enter a number such as 1250.50",
                assertThrows(IllegalArgumentException.class, () -> Decimals.parse("120,50", Locale.UK)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Decimals.parse("1E+20000000", Locale.GERMANY));
        assertThrows(IllegalArgumentException.class, () -> Decimals.parse("1".repeat(40), Locale.GERMANY));
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
