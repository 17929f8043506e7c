package org.quittance.bankfiles.control;

import org.quittance.money.Money;
import org.quittance.platform.control.CopyRows;

import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A BAI2 statement's credits kept (table bank_statement_credit): streamed into PostgreSQL with COPY
 * as the file is read and checked, so that a statement of a million lines never sits in memory; each
 * with the reference its receipt will carry, which makes a second import of the same file record
 * nothing twice.
 */
public final class StatementCredits {

    /** A kept credit, in file order. */
    public record Kept(int position, String reference, Bai2Statement.Credit credit) {
    }

    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("\\p{Cntrl}");

    private StatementCredits() {
    }

    /**
     * Reads, checks and copies the file's credits under the statement's id, in the caller's
     * transaction (a refusal at any line rolls back what was copied).
     * @throws FileRefused at the first line that is wrong
     */
    public static Bai2Statement.Summary copy(Connection connection, long statementId, Reader content) throws SQLException {
        Bai2Statement.Summary summary;
        try (CopyRows rows = CopyRows.streaming(connection, "bank_statement_credit", "statement_id", "position", "line", "account",
                "type_code", "currency", "amount", "bank_reference", "customer_reference", "text", "reference")) {
            int[] position = {0};
            Fingerprints seen = new Fingerprints();
            summary = Bai2Statement.read(content, (fileId, c) -> {
                String reference = reference(fileId, c);
                seen.add(reference);
                rows.row(statementId, ++position[0], c.line(), c.account(), c.typeCode(), c.amount().currency(), c.amount().amount(),
                        c.bankReference(), c.customerReference(), c.text(), reference);
            });
            rows.finish();
            if (seen.anySeenTwice()) {
                numberRepeatedReferences(connection, statementId);
            }
        }
        return summary;
    }

    /**
     * A credit's reference: the file's identity, the account and the bank's reference (or the
     * credit's line when the bank gives none). Several credits may share a line or a bank reference;
     * {@link #numberRepeatedReferences} numbers the second and later ones in file order, so the same
     * file always gives the same references.
     */
    static String reference(String fileId, Bai2Statement.Credit credit) {
        String own = credit.bankReference().isBlank() ? "line " + credit.line() : credit.bankReference();
        // Control characters never belong in a reference (and would split the look-up's list).
        String reference = "BAI2 " + fileId + " " + credit.account() + " " + own;
        return abbreviate(hasControl(reference) ? CONTROL.matcher(reference).replaceAll(" ") : reference, 94);
    }

    private static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** "#2", "#3"... after the second and later credits of a reference, within the receipt's 100 characters. */
    private static void numberRepeatedReferences(Connection connection, long statementId) throws SQLException {
        try (PreparedStatement number = connection.prepareStatement("""
                UPDATE bank_statement_credit c SET reference = left(c.reference, 100 - length(' #' || r.n)) || ' #' || r.n
                FROM (SELECT position, row_number() OVER (PARTITION BY reference ORDER BY position) AS n
                      FROM bank_statement_credit
                      WHERE statement_id = ? AND reference IN (SELECT reference FROM bank_statement_credit WHERE statement_id = ?
                                                               GROUP BY reference HAVING count(*) > 1)) AS r
                WHERE c.statement_id = ? AND c.position = r.position AND r.n > 1""")) {
            number.setLong(1, statementId);
            number.setLong(2, statementId);
            number.setLong(3, statementId);
            number.executeUpdate();
        }
    }

    /** How many of the statement's credits are receipts already (the same file imported before). */
    public static int known(Connection connection, long statementId) throws SQLException {
        try (PreparedStatement known = connection.prepareStatement("""
                SELECT count(*) FROM bank_statement_credit c
                WHERE c.statement_id = ? AND EXISTS (SELECT 1 FROM receipt r WHERE r.source = 'BANK' AND r.payment_reference = c.reference)""")) {
            known.setLong(1, statementId);
            try (ResultSet count = known.executeQuery()) {
                count.next();
                return count.getInt(1);
            }
        }
    }

    /** A page of the kept credits in file order, after a position: the import's page. */
    public static List<Kept> page(Connection connection, long statementId, int afterPosition, int limit) throws SQLException {
        List<Kept> credits = new ArrayList<>(limit);
        try (PreparedStatement page = connection.prepareStatement("""
                SELECT position, reference, line, account, type_code, currency, amount, bank_reference, customer_reference, text
                FROM bank_statement_credit WHERE statement_id = ? AND position > ? ORDER BY position LIMIT ?""")) {
            page.setLong(1, statementId);
            page.setInt(2, afterPosition);
            page.setInt(3, limit);
            try (ResultSet r = page.executeQuery()) {
                while (r.next()) {
                    credits.add(new Kept(r.getInt(1), r.getString(2), new Bai2Statement.Credit(r.getInt(3), r.getString(4), r.getString(5),
                            Money.of(r.getBigDecimal(7), r.getString(6).trim()), r.getString(8), r.getString(9), r.getString(10))));
                }
            }
        }
        return credits;
    }

    /**
     * Whether any reference of a file may occur twice, told by 64-bit fingerprints in 8 bytes a credit
     * (the references themselves would take 100 MB for a million): only then are they numbered, which
     * took PostgreSQL a second for a million credits that had no repeats. A fingerprint seen twice may
     * be a collision; the numbering then finds nothing to number.
     */
    static final class Fingerprints {
        private long[] slots = new long[1 << 12];
        private int size;
        private boolean twice;

        void add(String text) {
            long h = 0xcbf29ce484222325L;  // FNV-1a, 64 bits
            for (int i = 0; i < text.length(); i++) {
                h = (h ^ text.charAt(i)) * 0x100000001b3L;
            }
            h = h == 0 ? 1 : h;  // 0 marks an empty slot
            if (size * 2 >= slots.length) {
                grow();
            }
            if (!insert(slots, h)) {
                twice = true;
            } else {
                size++;
            }
        }

        boolean anySeenTwice() {
            return twice;
        }

        /** @return false when it was there already */
        private static boolean insert(long[] slots, long h) {
            int mask = slots.length - 1;
            for (int i = (int) (h ^ (h >>> 32)) & mask; ; i = (i + 1) & mask) {
                if (slots[i] == h) {
                    return false;
                }
                if (slots[i] == 0) {
                    slots[i] = h;
                    return true;
                }
            }
        }

        private void grow() {
            long[] bigger = new long[slots.length * 2];
            for (long h : slots) {
                if (h != 0) {
                    insert(bigger, h);
                }
            }
            slots = bigger;
        }
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
