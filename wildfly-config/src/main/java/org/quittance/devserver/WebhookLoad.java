package org.quittance.devserver;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The two ends of the webhook benchmark (benchmarks/webhooks.sh), around a load tool that sends the
 * events: {@code prepare} writes N distinct payment events signed as the sandbox signs them (Stripe's
 * scheme, the secret of the account the sandbox signs for), one per line as
 * {@code signature<TAB>body}; {@code check} waits until every one of the run's events is applied and
 * counts what the books hold for them, so that speed is never bought with a lost or doubled event.
 *
 * <p>Usage: {@code WebhookLoad prepare <jdbc-url> <run> <events> <file>} and
 * {@code WebhookLoad check <jdbc-url> <run> <events>}.
 */
public final class WebhookLoad {

    private WebhookLoad() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[1];
        String run = args[2];
        if (!run.matches("[a-z0-9]{1,16}")) {
            throw new IllegalArgumentException("a run is a short lower-case name: " + run);
        }
        int events = Integer.parseInt(args[3]);
        try (Connection db = DriverManager.getConnection(url)) {
            switch (args[0]) {
                case "prepare" -> prepare(db, run, events, Path.of(args[4]));
                case "check" -> System.exit(check(db, run, events) ? 0 : 1);
                default -> throw new IllegalArgumentException("prepare or check: " + args[0]);
            }
        }
    }

    private static void prepare(Connection db, String run, int events, Path file) throws Exception {
        String secret = text(db, "SELECT webhook_secret FROM sandbox.accounts ORDER BY registered_at DESC LIMIT 1");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        long signedAt = Instant.now().getEpochSecond();
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < events; i++) {
                String body = "{\"id\":\"evt_bm" + run + "_" + i + "\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\","
                        + "\"created\":" + signedAt + ",\"data\":{\"object\":{\"id\":\"pi_bm" + run + "_" + i
                        + "\",\"object\":\"payment_intent\",\"amount\":12345,\"currency\":\"gbp\",\"status\":\"succeeded\"}}}";
                String v1 = HexFormat.of().formatHex(mac.doFinal((signedAt + "." + body).getBytes(StandardCharsets.UTF_8)));
                out.write("t=" + signedAt + ",v1=" + v1 + "\t" + body + "\n");
            }
        }
    }

    /** Waits (up to ten minutes) until every event the endpoint took is applied, then checks the counts. */
    private static boolean check(Connection db, String run, int sent) throws Exception {
        String events = "evt_bm" + run + "_%";
        long started = System.nanoTime();
        long stored = count(db, "SELECT count(*) FROM payment_notification WHERE event_id LIKE ?", events);
        long applied = 0;
        while (System.nanoTime() - started < 600_000_000_000L) {
            applied = count(db, "SELECT count(*) FROM payment_notification WHERE event_id LIKE ? AND outcome <> 'RECEIVED'", events);
            if (applied == stored) {
                break;
            }
            Thread.sleep(200);
        }
        double waited = (System.nanoTime() - started) / 1e9;
        long distinct = count(db, "SELECT count(DISTINCT event_id) FROM payment_notification WHERE event_id LIKE ?", events);
        long outcomes = count(db, "SELECT count(*) FROM payment_notification WHERE event_id LIKE ? AND outcome = 'APPLIED'", events);
        long payments = count(db, "SELECT count(*) FROM processor_payment WHERE payment_intent LIKE ?", "pi_bm" + run + "_%");
        long changes = count(db, """
                SELECT count(*) FROM processor_payment_change c JOIN processor_payment p ON p.id = c.payment_id
                WHERE p.payment_intent LIKE ?""", "pi_bm" + run + "_%");
        System.out.printf("events prepared %d, stored %d (distinct %d), applied %d (%d left after %.1f s), payments %d, changes %d%n",
                sent, stored, distinct, outcomes, stored - applied, waited, payments, changes);
        boolean right = stored == distinct && outcomes == stored && payments == stored && changes == stored;
        System.out.println(right ? "exactly once: every stored event applied once, one payment and one change each"
                : "WRONG: an event was lost, doubled or left unapplied");
        return right;
    }

    private static long count(Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String text(Connection db, String sql) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("the sandbox has no account: start Quittance with its demo first");
            }
            return rs.getString(1);
        }
    }
}
