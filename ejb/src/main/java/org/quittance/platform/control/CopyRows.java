package org.quittance.platform.control;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.StringReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Many new rows of one table written with PostgreSQL's COPY, on the transaction's connection. For the
 * bulk paths only (issue 18: EclipseLink built an import chunk's new rows field by field, half of a
 * settlement import's time, and arrays bound to an INSERT ... unnest cost a fifth more than the text
 * COPY reads); everything else is written through its entity.
 */
public final class CopyRows implements AutoCloseable {

    /** What a streaming copy sends at a time. */
    private static final int BUFFER = 1 << 16;

    private final String table;
    private final String[] columns;
    private final StringBuilder rows = new StringBuilder();
    private final CopyIn streaming;
    private int count;

    private CopyRows(String table, String[] columns, CopyIn streaming) {
        this.table = table;
        this.columns = columns;
        this.streaming = streaming;
    }

    /** Rows collected, then written together by {@link #execute}. */
    public static CopyRows into(String table, String... columns) {
        return new CopyRows(table, columns, null);
    }

    /**
     * Rows sent as they come, a buffer at a time, so that a file of a million never sits in memory;
     * {@link #finish} ends the copy, and closing an unfinished one cancels it.
     */
    public static CopyRows streaming(Connection connection, String table, String... columns) throws SQLException {
        return new CopyRows(table, columns, connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql(table, columns)));
    }

    private static String sql(String table, String[] columns) {
        return "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT csv)";
    }

    /** One row, its values in the order of the columns: text, numbers, booleans, enums (by name), OffsetDateTime. */
    public CopyRows row(Object... values) {
        if (values.length != columns.length) {
            throw new IllegalArgumentException(table + " has " + columns.length + " columns here, not " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                rows.append(',');
            }
            field(rows, text(values[i]));
        }
        rows.append('\n');
        count++;
        if (streaming != null && rows.length() >= BUFFER) {
            send();
        }
        return this;
    }

    /** Ends a streaming copy. @return the rows copied */
    public long finish() throws SQLException {
        send();
        return streaming.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (streaming != null && streaming.isActive()) {
            streaming.cancelCopy();
        }
    }

    private void send() {
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        try {
            streaming.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write " + table + ": " + e.getMessage(), e);
        }
        rows.setLength(0);
    }

    public int size() {
        return count;
    }

    /** Writes the rows (in a transaction: the transaction's own connection). @return how many */
    public long execute(Connection connection) throws SQLException {
        if (streaming != null) {
            throw new IllegalStateException("A streaming copy is ended by finish()");
        }
        if (count == 0) {
            return 0;
        }
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql(table, columns), new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException("Could not write " + table + ": " + e.getMessage(), e);
        }
    }

    /** A CSV field for COPY: null is an unquoted empty field, any text is quoted (so "" is an empty text). */
    public static StringBuilder field(StringBuilder rows, String value) {
        if (value == null) {
            return rows;
        }
        if (value.indexOf('"') < 0) {
            return rows.append('"').append(value).append('"');
        }
        rows.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                rows.append('"');
            }
            rows.append(c);
        }
        return rows.append('"');
    }

    /**
     * Identifiers from a sequence as the entities' generators take them: each value of a sequence that
     * increments by the allocation size ends a block of that many, so that these never meet the ones
     * EclipseLink hands out from its own blocks.
     */
    public static long[] ids(Connection connection, String sequence, int allocationSize, int count) throws SQLException {
        long[] ids = new long[count];
        if (count == 0) {
            return ids;
        }
        try (PreparedStatement blocks = connection.prepareStatement("SELECT nextval(?::regclass) FROM generate_series(1, ?)")) {
            blocks.setString(1, sequence);
            blocks.setInt(2, (count + allocationSize - 1) / allocationSize);
            int i = 0;
            try (ResultSet values = blocks.executeQuery()) {
                while (values.next()) {
                    long last = values.getLong(1);
                    for (long id = last - allocationSize + 1; id <= last && i < count; id++) {
                        ids[i++] = id;
                    }
                }
            }
            if (i < count) {
                throw new IllegalStateException(sequence + " gave " + i + " ids of " + count);
            }
        }
        return ids;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return value.toString();  // numbers, booleans, text, OffsetDateTime (ISO 8601, which PostgreSQL reads)
    }
}
