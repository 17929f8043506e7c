package org.quittance.bankfiles.control;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import org.quittance.money.Money;
import org.quittance.payments.processor.SettledTransaction;
import org.quittance.platform.control.CopyRows;
import org.quittance.platform.control.Jsons;
import org.quittance.receipts.boundary.PaymentTransactionFilter;

import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A settlement file's transactions kept line by line (table settlement_line): streamed from the upload
 * into PostgreSQL with COPY as they are read and checked, so that a file of a million lines never sits
 * in memory; then checked whole in SQL for a transaction that appears twice.
 */
public final class SettlementLines {

    /** What was kept of a file. @param payments the transactions that become receipts */
    public record Staged(int transactions, long payments) {
    }

    private SettlementLines() {
    }

    /**
     * Reads, checks and copies the file's transactions under the file's id, in the caller's transaction
     * (a refusal rolls back what was copied).
     * @throws FileRefused at the first line that is wrong, or at a transaction's second line
     */
    public static Staged copy(Connection connection, long fileId, Reader content) throws SQLException {
        long[] payments = {0};
        int transactions;
        try (CopyRows rows = CopyRows.streaming(connection, "settlement_line", "file_id", "line", "transaction_id", "type", "source",
                "payment_id", "currency", "gross", "fee", "net", "created", "payout", "metadata", "description")) {
            transactions = SettlementCsv.read(content, (line, t) -> {
                rows.row(fileId, line, t.id(), t.type(), t.source(), t.paymentId(), t.gross().currency(), t.gross().amount(),
                        t.fee().amount(), t.net().amount(), t.created(), t.payout(), metadata(t.metadata()), t.description());
                if (PaymentTransactionFilter.isPayment(t)) {
                    payments[0]++;
                }
            });
            rows.finish();
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

    /**
     * A page of kept lines in file order, after a line: the import's page, read on the transaction's
     * connection (through the entity manager, turning its rows into objects took a tenth of the import).
     */
    public static List<Line> page(Connection connection, long fileId, int afterLine, int limit) throws SQLException {
        List<Line> lines = new ArrayList<>(limit);
        try (PreparedStatement page = connection.prepareStatement("""
                SELECT line, transaction_id, type, source, payment_id, currency, gross, fee, net, created, payout, metadata, description
                FROM settlement_line WHERE file_id = ? AND line > ? ORDER BY line LIMIT ?""")) {
            page.setLong(1, fileId);
            page.setInt(2, afterLine);
            page.setInt(3, limit);
            try (ResultSet r = page.executeQuery()) {
                while (r.next()) {
                    String currency = r.getString(6).trim();
                    lines.add(new Line(r.getInt(1), new SettledTransaction(r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            Money.of(r.getBigDecimal(7), currency), Money.of(r.getBigDecimal(8), currency), Money.of(r.getBigDecimal(9), currency),
                            r.getObject(10, OffsetDateTime.class).toInstant(), r.getString(11), metadata(r.getString(12)), r.getString(13))));
                }
            }
        }
        return lines;
    }

    private static Map<String, String> metadata(String json) {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (json != null) {
            try (var reader = Jsons.reader(json)) {
                reader.readObject().forEach((k, v) -> metadata.put(k, ((JsonString) v).getString()));
            }
        }
        return metadata;
    }

    private static String metadata(Map<String, String> metadata) {
        if (metadata.isEmpty()) {
            return null;
        }
        JsonObjectBuilder object = Jsons.object();
        metadata.forEach(object::add);
        return object.build().toString();
    }
}
