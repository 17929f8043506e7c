package org.quittance.platform.control;

import org.junit.jupiter.api.Test;
import org.quittance.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.*;

/** Amounts and dates as the firm's clients read them, in the firm's locale. */
class FormatsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 5);

    @Test
    void aBritishFirmWritesAsTheDemoAlwaysDid() {
        Formats uk = Formats.of("en-GB");
        assertEquals("GBP 1,969.50", uk.money(Money.of("1969.50", "GBP")));
        assertEquals("1,969.50", uk.figure(Money.of("1969.50", "GBP")));
        assertEquals("JPY 12,000", uk.money(Money.of("12000", "JPY")), "no decimals where the currency has none");
        assertEquals("5 December 2026", uk.longDate(DAY));
        assertEquals("5 Dec 2026", uk.date(DAY));
        assertEquals("5 Dec 2026, 14:05", uk.dateTime(OffsetDateTime.of(2026, 12, 5, 14, 5, 0, 0, ZoneOffset.UTC)));
    }

    @Test
    void otherLocalesGroupAndOrderTheirOwnWay() {
        assertEquals("EUR 1.234,50", Formats.of("de-DE").money(Money.of("1234.50", "EUR")));
        assertEquals("5. Dezember 2026", Formats.of("de-DE").longDate(DAY));
        assertEquals("December 5, 2026", Formats.of("en-US").longDate(DAY));
        assertEquals("USD -1,234.50", Formats.of("en-US").money(Money.of("-1234.50", "USD")));
    }

    @Test
    void quantitiesLoseTrailingZerosButKeepTheirDecimals() {
        Formats uk = Formats.DEFAULT;
        assertEquals("2.5", uk.quantity(new BigDecimal("2.50")));
        assertEquals("1.25", uk.quantity(new BigDecimal("1.25")));
        assertEquals("30", uk.quantity(new BigDecimal("30.00")));
        assertEquals("1,200", uk.quantity(new BigDecimal("1.2E+3")));
    }

    @Test
    void anUnknownOrMissingLocaleFallsBackToTheDefault() {
        assertEquals(Formats.DEFAULT, Formats.of("xx-YY"));
        assertEquals(Formats.DEFAULT, Formats.of(null));
    }
}
