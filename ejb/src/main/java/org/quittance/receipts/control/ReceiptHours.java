package org.quittance.receipts.control;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Receipts are also totalled per hour of UTC (V27), which a report may sum instead of the receipts
 * themselves when every day of its period starts on a whole hour of UTC: in every zone whose offset is
 * whole hours during the period. India (+05:30), Newfoundland or Lord Howe's half-hour summer time are not.
 */
public final class ReceiptHours {

    private ReceiptHours() {
    }

    /** Whether the zone's offset is a whole number of hours throughout [from, to). */
    public static boolean serve(ZoneId zone, Instant from, Instant to) {
        ZoneRules rules = zone.getRules();
        if (!wholeHours(rules.getOffset(from).getTotalSeconds())) {
            return false;
        }
        for (ZoneOffsetTransition t = rules.nextTransition(from); t != null && t.getInstant().isBefore(to); t = rules.nextTransition(t.getInstant())) {
            if (!wholeHours(t.getOffsetAfter().getTotalSeconds())) {
                return false;
            }
        }
        return true;
    }

    private static boolean wholeHours(int seconds) {
        return seconds % 3600 == 0;
    }
}
