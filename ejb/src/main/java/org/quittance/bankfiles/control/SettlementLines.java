package org.quittance.bankfiles.control;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.quittance.money.Money;
import org.quittance.payments.processor.SettledTransaction;
import org.quittance.platform.control.Jsons;
import org.quittance.receipts.boundary.PaymentTransactionFilter;

import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A settlement file's transactions kept line by line (table settlement_line): streamed from the upload
 * into PostgreSQL with COPY as they are read and checked, so that a file of a million lines never sits
 * in memory; then checked whole in SQL for a transaction that appears twice.
 */
public final class SettlementLines {

    /** What was kept of a file. @param payments the transactions that become receipts */
    public record Staged(int transactions, long payments) {
    }

    private static final String COPY = "COPY settlement_line (file_id, line, transaction_id, type, source, payment_id, currency, gross, fee, net, "
            + "created, payout, metadata, description) FROM STDIN (FORMAT csv)";
    private static final int BUFFER = 1 << 16;

    private SettlementLines() {
    }

    /**
     * Reads, checks and copies the file's transactions under the file's id, in the caller's transaction
     * (a refusal rolls back what was copied).
     * @throws FileRefused at the first line that is wrong, or at a transaction's second line
     */
    public static Staged copy(Connection connection, long fileId, Reader content) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        StringBuilder rows = new StringBuilder(BUFFER + 4_096);
        long[] payments = {0};
        int transactions;
        try {
            transactions = SettlementCsv.read(content, (line, t) -> {
                row(rows, fileId, line, t);
                if (PaymentTransactionFilter.isPayment(t)) {
                    payments[0]++;
                }
                if (rows.length() >= BUFFER) {
                    write(copy, rows);
                }
            });
            write(copy, rows);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        refuseTwice(connection, fileId);
        return new Staged(transactions, payments[0]);
    }

    /** The first transaction found twice, at its second line (as a reader in file order would find it). */
    private static void refuseTwice(Connection connection, long fileId) throws SQLException {
        try (PreparedStatement twice = connection.prepareStatement("""
                SELECT transaction_id, line, first_line FROM (
                    SELECT transaction_id, line, min(line) OVER same AS first_line, row_number() OVER same AS n
                    FROM settlement_line WHERE file_id = ? WINDOW same AS (PARTITION BY transaction_id ORDER BY line)) AS each
                WHERE n = 2 ORDER BY line LIMIT 1""")) {
            twice.setLong(1, fileId);
            try (ResultSet found = twice.executeQuery()) {
                if (found.next()) {
                    throw new FileRefused(found.getInt(2), SettlementCsv.twice(found.getString(1), found.getInt(3)));
                }
            }
        }
    }

    /** A line as it was kept. */
    public record Line(int line, SettledTransaction transaction) {
    }

    /** The SQL that reads kept lines in order, after a line: the import's page. */
    public static final String PAGE = """
            SELECT line, transaction_id, type, source, payment_id, currency, gross, fee, net, created, payout, metadata, description
            FROM settlement_line WHERE file_id = ? AND line > ? ORDER BY line LIMIT ?""";

    /** A row of {@link #PAGE}. */
    public static Line of(Object[] r) {
        String currency = ((String) r[5]).trim();
        Map<String, String> metadata = new LinkedHashMap<>();
        if (r[11] != null) {
            try (var reader = Jsons.reader((String) r[11])) {
                reader.readObject().forEach((k, v) -> metadata.put(k, ((JsonString) v).getString()));
            }
        }
        return new Line(((Number) r[0]).intValue(), new SettledTransaction((String) r[1], (String) r[2], (String) r[3], (String) r[4],
                Money.of((BigDecimal) r[6], currency), Money.of((BigDecimal) r[7], currency), Money.of((BigDecimal) r[8], currency),
                instant(r[9]), (String) r[10], metadata, (String) r[12]));
    }

    private static java.time.Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.util.Date) value).toInstant();
    }

    private static void row(StringBuilder rows, long fileId, int line, SettledTransaction t) {
        rows.append(fileId).append(',').append(line).append(',');
        field(rows, t.id()).append(',');
        field(rows, t.type()).append(',');
        field(rows, t.source()).append(',');
        field(rows, t.paymentId()).append(',');
        rows.append(t.gross().currency()).append(',')
                .append(t.gross().amount().toPlainString()).append(',')
                .append(t.fee().amount().toPlainString()).append(',')
                .append(t.net().amount().toPlainString()).append(',')
                .append(t.created()).append(',');
        field(rows, t.payout()).append(',');
        field(rows, metadata(t.metadata())).append(',');
        field(rows, t.description()).append('\n');
    }

    private static String metadata(Map<String, String> metadata) {
        if (metadata.isEmpty()) {
            return null;
        }
        JsonObjectBuilder object = Jsons.object();
        metadata.forEach(object::add);
        return object.build().toString();
    }

    /** A CSV field for COPY: null is an unquoted empty field, any text is quoted (so "" is an empty text). */
    private static StringBuilder field(StringBuilder rows, String value) {
        if (value == null) {
            return rows;
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

    private static void write(CopyIn copy, StringBuilder rows) {
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IllegalStateException("The settlement file's lines could not be kept: " + e.getMessage(), e);
        }
        rows.setLength(0);
    }
}
