package org.quittance.platform.control;

import org.quittance.money.Money;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Values of native query rows, whose Java types depend on the driver and column type. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A timestamptz column: the PostgreSQL driver gives a Timestamp or an OffsetDateTime depending on how it is read. */
    public static OffsetDateTime timestamp(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }

    /** A NUMERIC amount with its CHAR(3) currency (which comes back padded only if declared wider). */
    public static Money money(Object amount, String currency) {
        return Money.of((BigDecimal) amount, currency.trim());
    }

    /**
     * A LIKE pattern (with {@code ESCAPE '\\'}) that finds the text anywhere, ignoring case: the text
     * lower-cased, its wildcards escaped, so that "50%" or "a_b" are searched for as typed.
     */
    public static String containsPattern(String text) {
        return "%" + text.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
