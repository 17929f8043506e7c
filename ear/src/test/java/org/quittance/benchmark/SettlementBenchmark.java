package org.quittance.benchmark;

import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;
import org.quittance.bankfiles.boundary.SettlementFiles;
import org.quittance.it.BillingFixtures;
import org.quittance.it.Deployments;
import org.quittance.it.Eventually;
import org.quittance.receipts.boundary.ReceiptImport;

import javax.sql.DataSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Benchmark, not a test (run by benchmarks/settlement.sh, never by mvn verify): a processor's settlement
 * file of N lines uploaded and imported end to end, against a raw COPY of the same file into a scratch
 * table in the same run (the physical limit of putting these rows into PostgreSQL here).
 */
@ExtendWith(ArquillianExtension.class)
class SettlementBenchmark {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.quittanceWith(Deployments.testModule(SettlementBenchmark.class)
                // the raw COPY goes through the driver, as the application's does
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: org.postgresql\n"))
                .addAsResource(new StringAsset(System.getProperty("benchmark.lines", "1000000")), "benchmark-lines.txt"));
    }

    @EJB BillingFixtures fixtures;
    @EJB SettlementFiles settlementFiles;
    @EJB ReceiptImport receiptImport;

    @Resource(lookup = "java:jboss/datasources/QuittanceDS")
    DataSource dataSource;

    @Test
    void uploadAndImport() throws Exception {
        int lines = size();
        fixtures.firmWithPortalInvoicing(true);
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Path file = Files.createTempFile("settlement-" + run, ".csv");
        try {
            write(file, run, lines);
            long bytes = Files.size(file);

            long copying = System.nanoTime();
            long copied = rawCopy(file);
            double copySeconds = (System.nanoTime() - copying) / 1e9;
            assertEquals(lines, copied);

            System.out.println("BENCHMARK settlement file: the upload starts");  // for a profiler to start now
            long uploading = System.nanoTime();
            SettlementFiles.Upload upload;
            try (InputStream in = Files.newInputStream(file)) {
                upload = settlementFiles.upload("settlement-" + run + ".csv", in);
            }
            double keptSeconds = (System.nanoTime() - uploading) / 1e9;
            System.out.println("BENCHMARK settlement file: kept, the import runs");  // for a profiler to start now
            assertEquals(lines, upload.transactions());
            Thread.sleep(10_000);
            ReceiptImport.Progress midway = receiptImport.progress(upload.executionId());  // what the staff screen shows
            Eventually.await("the import", Duration.ofHours(3), () -> !receiptImport.progress(upload.executionId()).running());
            ReceiptImport.Progress progress = receiptImport.progress(upload.executionId());
            assertEquals(BatchStatus.COMPLETED, progress.status());
            double importSeconds = Duration.between(progress.started(), progress.ended()).toMillis() / 1000.0;
            double totalSeconds = (System.nanoTime() - uploading) / 1e9;
            assertEquals(lines, receipts(run), "one receipt per payment of the file");

            var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            System.out.printf("%nBENCHMARK settlement file: %d lines, %.1f MB%n", lines, bytes / 1e6);
            System.out.printf("  raw COPY into a scratch table      %8.1f s  = %.0f rows/s (the physical limit)%n", copySeconds, lines / copySeconds);
            System.out.printf("  upload: read, checked, kept (COPY) %8.1f s  = %.0f lines/s = %.0f %% of the raw COPY%n", keptSeconds,
                    lines / keptSeconds, 100 * copySeconds / keptSeconds);
            System.out.printf("  import job: receipts, matched      %8.1f s  = %.0f lines/s%n", importSeconds, lines / importSeconds);
            System.out.printf("  end to end (upload to last receipt)%8.1f s  = %.0f lines/s = %.0f %% of the raw COPY%n", totalSeconds,
                    lines / totalSeconds, 100 * copySeconds / totalSeconds);
            System.out.printf("  progress shown 10 s into the import: %d read, %d recorded%n", midway.read(), midway.imported());
            System.out.printf("  heap now %d MB of at most %d MB%n%n", heap.getUsed() >> 20, heap.getMax() >> 20);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A year of card payments as Stripe's itemized balance change report has them. */
    private static void write(Path file, String run, int lines) throws IOException {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        LocalDateTime start = LocalDateTime.of(2025, 1, 1, 0, 0);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("balance_transaction_id,created_utc,currency,gross,fee,net,reporting_category,source_id,description,"
                    + "automatic_payout_id,payment_intent_id\r\n");
            for (int i = 0; i < lines; i++) {
                long grossCents = 1_000 + (i * 7919L) % 900_000;
                long feeCents = grossCents * 14 / 1_000 + 20;
                out.write("txn_" + run + "_" + i + "," + start.plusSeconds(i * 31L).format(format) + ",gbp," + cents(grossCents) + ","
                        + cents(feeCents) + "," + cents(grossCents - feeCents) + ",charge,ch_" + run + "_" + i + ",\"Card payment, " + i
                        + "\",po_" + run + "_" + i / 500 + ",pi_" + run + "_" + i + "\r\n");
            }
        }
    }

    private static String cents(long cents) {
        return cents / 100 + "." + String.format("%02d", cents % 100);
    }

    /** A logged table like the application's own (a temporary one skips the write-ahead log and is twice as fast). */
    private long rawCopy(Path file) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE scratch_settlement (balance_transaction_id TEXT, created_utc TIMESTAMP, currency TEXT, "
                    + "gross NUMERIC, fee NUMERIC, net NUMERIC, reporting_category TEXT, source_id TEXT, description TEXT, "
                    + "automatic_payout_id TEXT, payment_intent_id TEXT)");
            try (InputStream in = Files.newInputStream(file)) {
                return connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY scratch_settlement FROM STDIN (FORMAT csv, HEADER true)", in);
            } finally {
                statement.execute("DROP TABLE scratch_settlement");
            }
        }
    }

    private long receipts(String run) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM receipt WHERE source = 'PROCESSOR' AND payment_reference LIKE 'pi\\_"
                     + run + "\\_%'")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static int size() {
        try (var in = SettlementBenchmark.class.getClassLoader().getResourceAsStream("benchmark-lines.txt")) {
            return Integer.parseInt(new String(in.readAllBytes()).trim());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
