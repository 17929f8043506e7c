package org.quittance.receipts.control;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reports may sum hourly totals only where each day of the period starts on a whole hour of UTC. */
class ReceiptHoursTest {

    private static final Instant FROM = Instant.parse("2025-12-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void zonesOfWholeHoursServeAcrossTheirSummerTime() {
        for (String zone : new String[]{"UTC", "Europe/London", "Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Tokyo"}) {
            assertTrue(ReceiptHours.serve(ZoneId.of(zone), FROM, TO), zone);
        }
    }

    @Test
    void zonesOfHalfAndQuarterHoursDoNot() {
        for (String zone : new String[]{"Asia/Kolkata", "America/St_Johns", "Asia/Kathmandu", "Australia/Adelaide"}) {
            assertFalse(ReceiptHours.serve(ZoneId.of(zone), FROM, TO), zone);
        }
    }

    @Test
    void aZoneWhoseWinterAloneIsHalfAnHourServesOnlyPeriodsWithinItsSummer() {
        // Lord Howe Island: +11:00 in summer (October to April), +10:30 in winter.
        ZoneId lordHowe = ZoneId.of("Australia/Lord_Howe");
        assertTrue(ReceiptHours.serve(lordHowe, Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z")));
        assertFalse(ReceiptHours.serve(lordHowe, Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-05-01T00:00:00Z")));
    }
}
