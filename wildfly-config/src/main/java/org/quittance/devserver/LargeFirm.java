package org.quittance.devserver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills the run command's database with a large firm for the benchmarks (benchmarks/firm.sh): runs
 * large-firm.sql statement by statement, timing each, then checks the books' invariants over the
 * whole database (those of LedgerInvariantIT, set-based) and exits non-zero if one fails.
 *
 * <p>Usage: {@code java -cp … org.quittance.devserver.LargeFirm [jdbc-url] [clients] [invoices]}; the
 * URL's user must be allowed to set session_replication_role (the embedded server's postgres).
 */
public final class LargeFirm {

    /** Each check counts what breaks an invariant: zero is right. */
    private static final Map<String, String> CHECKS = new LinkedHashMap<>();

    static {
        CHECKS.put("final invoices whose balance due is not the sum of their ledger entries", """
                SELECT count(*) FROM invoice i LEFT JOIN (SELECT invoice_id, sum(amount) AS s FROM ledger_entry
                    WHERE invoice_id IS NOT NULL GROUP BY invoice_id) e ON e.invoice_id = i.id
                WHERE i.state IN ('FINAL', 'PUBLISHED', 'PARTLY_PAID', 'PAID') AND i.balance_due <> COALESCE(e.s, 0)""");
        CHECKS.put("clients whose balance is not their open invoices less their unapplied credit", """
                SELECT count(*) FROM (
                    SELECT c.id,
                           COALESCE((SELECT sum(amount) FROM ledger_entry e WHERE e.client_id = c.id), 0) AS balance,
                           COALESCE((SELECT sum(i.balance_due) FROM invoice i JOIN matter m ON m.id = i.matter_id
                                     WHERE m.client_id = c.id AND i.state IN ('FINAL', 'PUBLISHED', 'PARTLY_PAID')), 0) AS open,
                           COALESCE((SELECT -sum(amount) FROM ledger_entry e WHERE e.client_id = c.id AND e.matter_id IS NULL), 0) AS credit
                    FROM client c) b
                WHERE b.balance <> b.open - b.credit OR b.credit < 0""");
        CHECKS.put("accepted receipts (never refunded) whose amount is not their allocations plus what is unapplied", """
                SELECT count(*) FROM receipt r LEFT JOIN (SELECT receipt_id, sum(amount) AS s FROM receipt_allocation GROUP BY receipt_id) a
                    ON a.receipt_id = r.id
                WHERE r.state = 'ACCEPTED' AND r.refunded = 0 AND r.gross <> COALESCE(a.s, 0) + r.unapplied""");
        CHECKS.put("paid invoices with something still due, or open ones with nothing", """
                SELECT count(*) FROM invoice WHERE (state = 'PAID' AND balance_due <> 0)
                    OR (state IN ('PUBLISHED', 'PARTLY_PAID') AND balance_due <= 0)""");
        CHECKS.put("rows that point at nothing (contacts, matters, invoices, allocations, entries, published versions)", """
                SELECT (SELECT count(*) FROM contact x WHERE NOT EXISTS (SELECT 1 FROM client c WHERE c.id = x.client_id))
                     + (SELECT count(*) FROM contact x WHERE x.portal_user_id IS NOT NULL
                            AND NOT EXISTS (SELECT 1 FROM portal_user u WHERE u.id = x.portal_user_id))
                     + (SELECT count(*) FROM matter x WHERE NOT EXISTS (SELECT 1 FROM client c WHERE c.id = x.client_id))
                     + (SELECT count(*) FROM matter_recipient x WHERE NOT EXISTS (SELECT 1 FROM portal_user u WHERE u.id = x.portal_user_id))
                     + (SELECT count(*) FROM invoice x WHERE NOT EXISTS (SELECT 1 FROM matter m WHERE m.id = x.matter_id))
                     + (SELECT count(*) FROM receipt_allocation x WHERE NOT EXISTS (SELECT 1 FROM invoice i WHERE i.id = x.invoice_id)
                            OR NOT EXISTS (SELECT 1 FROM receipt r WHERE r.id = x.receipt_id))
                     + (SELECT count(*) FROM ledger_entry x WHERE NOT EXISTS (SELECT 1 FROM client c WHERE c.id = x.client_id))
                     + (SELECT count(*) FROM published_invoice x WHERE NOT EXISTS (SELECT 1 FROM invoice i WHERE i.id = x.invoice_id))""");
    }

    private LargeFirm() {
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://localhost:15432/quittance?user=postgres";
        Map<String, String> parameters = Map.of(
                "clients", args.length > 1 ? args[1] : "20000",
                "invoices", args.length > 2 ? args[2] : "1000000",
                "bigClients", "10",
                "bigInvoices", "500");
        long started = System.nanoTime();
        try (Connection db = DriverManager.getConnection(url); Statement statement = db.createStatement()) {
            if (count(statement, "SELECT count(*) FROM client WHERE id > 10000000") > 0) {
                System.err.println("This database already holds a generated firm: start from a fresh one (benchmarks/firm.sh does).");
                System.exit(2);
            }
            for (String sql : statements(parameters)) {
                long t = System.nanoTime();
                boolean rows = statement.execute(sql);
                long changed = rows ? -1 : statement.getUpdateCount();
                System.out.printf("%8.1f s  %s%s%n", (System.nanoTime() - t) / 1e9, firstLine(sql),
                        changed > 0 ? "  (" + changed + " rows)" : "");
            }
            System.out.printf("Generated in %.0f s. Checking the books:%n", (System.nanoTime() - started) / 1e9);
            int broken = 0;
            for (Map.Entry<String, String> check : CHECKS.entrySet()) {
                long t = System.nanoTime();
                long found = count(statement, check.getValue());
                broken += found == 0 ? 0 : 1;
                System.out.printf("%8.1f s  %s: %d%s%n", (System.nanoTime() - t) / 1e9, check.getKey(), found, found == 0 ? "" : "  <-- WRONG");
            }
            for (String table : List.of("client", "contact", "portal_user", "matter", "invoice", "published_invoice", "receipt",
                    "receipt_allocation", "ledger_entry")) {
                System.out.printf("%12d %s%n", count(statement, "SELECT count(*) FROM " + table), table);
            }
            System.out.printf("%12s database size%n", text(statement, "SELECT pg_size_pretty(pg_database_size(current_database()))"));
            System.out.printf("Done in %.0f s.%n", (System.nanoTime() - started) / 1e9);
            if (broken > 0) {
                System.exit(1);
            }
        }
    }

    /** The script's statements with the parameters filled in: each ends with ";" at the end of a line. */
    static List<String> statements(Map<String, String> parameters) throws IOException {
        String script;
        try (InputStream in = LargeFirm.class.getResourceAsStream("/large-firm.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            if (!p.getValue().matches("\\d{1,9}")) {
                throw new IllegalArgumentException(p.getKey() + " must be a whole number: " + p.getValue());
            }
            script = script.replace("${" + p.getKey() + "}", p.getValue());
        }
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.startsWith("--") || (line.isBlank() && current.isEmpty())) {
                continue;
            }
            current.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                statements.add(current.toString().trim());
                current.setLength(0);
            }
        }
        return statements;
    }

    private static String firstLine(String sql) {
        String first = sql.lines().findFirst().orElse("");
        return first.length() <= 100 ? first : first.substring(0, 100) + "…";
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
