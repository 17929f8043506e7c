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
import org.quittance.bankfiles.boundary.BankStatementImport;
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
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Benchmark, not a test (run by benchmarks/bai2.sh, never by mvn verify): a bank's BAI2 statement of N
 * credit lines imported end to end (read and checked as it streams, its credits kept with COPY, then
 * the import job's bank receipts with matching), against a raw COPY of the same credits into a scratch
 * table in the same run (the physical limit of putting these rows into PostgreSQL here).
 */
@ExtendWith(ArquillianExtension.class)
class Bai2Benchmark {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.quittanceWith(Deployments.testModule(Bai2Benchmark.class)
                // the raw COPY goes through the driver, as the application's does
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: org.postgresql\n"))
                .addAsResource(new StringAsset(System.getProperty("benchmark.lines", "1000000")), "benchmark-lines.txt"));
    }

    @EJB BillingFixtures fixtures;
    @EJB BankStatementImport statements;
    @EJB ReceiptImport runs;

    @Resource(lookup = "java:jboss/datasources/QuittanceDS")
    DataSource dataSource;

    @Test
    void importAStatement() throws Exception {
        int lines = size();
        fixtures.firmWithPortalInvoicing(true);
        String fileNumber = String.valueOf(ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999));
        Path file = Files.createTempFile("statement-" + fileNumber, ".bai");
        Path rows = Files.createTempFile("statement-rows-" + fileNumber, ".csv");
        try {
            write(file, rows, fileNumber, lines);
            long bytes = Files.size(file);

            long copying = System.nanoTime();
            long copied = rawCopy(rows);
            double copySeconds = (System.nanoTime() - copying) / 1e9;
            assertEquals(lines, copied);

            System.out.println("BENCHMARK bank statement: the upload starts");  // for a profiler to start now
            long uploading = System.nanoTime();
            BankStatementImport.Imported imported;
            try (InputStream in = Files.newInputStream(file)) {
                imported = statements.importBai2("statement-" + fileNumber + ".bai", in);
            }
            double keptSeconds = (System.nanoTime() - uploading) / 1e9;
            System.out.println("BENCHMARK bank statement: kept, the import runs");  // for a profiler to start now
            assertEquals(lines, imported.credits());
            Eventually.await("the import", Duration.ofHours(3), () -> !runs.progress(imported.executionId()).running());
            ReceiptImport.Progress progress = runs.progress(imported.executionId());
            assertEquals(BatchStatus.COMPLETED, progress.status());
            double importSeconds = Duration.between(progress.started(), progress.ended()).toMillis() / 1000.0;
            double totalSeconds = (System.nanoTime() - uploading) / 1e9;
            assertEquals(lines, receipts(fileNumber), "one receipt per credit of the file");

            var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            System.out.printf("%nBENCHMARK bank statement: %d credit lines, %.1f MB%n", lines, bytes / 1e6);
            System.out.printf("  raw COPY of its credits into a scratch table %8.1f s  = %.0f rows/s (the physical limit)%n", copySeconds, lines / copySeconds);
            System.out.printf("  upload: read, checked, kept (COPY)           %8.1f s  = %.0f lines/s = %.0f %% of the raw COPY%n", keptSeconds,
                    lines / keptSeconds, 100 * copySeconds / keptSeconds);
            System.out.printf("  import job: bank receipts, matched           %8.1f s  = %.0f lines/s%n", importSeconds, lines / importSeconds);
            System.out.printf("  end to end (upload to last receipt)          %8.1f s  = %.0f lines/s%n", totalSeconds, lines / totalSeconds);
            System.out.printf("  heap now %d MB of at most %d MB%n%n", heap.getUsed() >> 20, heap.getMax() >> 20);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(rows);
        }
    }

    /** One account's wires and transfers, as a bank reports a day of them; beside it the same credits as CSV rows. */
    private static void write(Path file, Path rows, String fileNumber, int lines) throws IOException {
        long total = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1);
             BufferedWriter csv = Files.newBufferedWriter(rows, StandardCharsets.UTF_8)) {
            out.write("01,BENCHBANK,FIRM,261124,0900," + fileNumber + ",,,2/\n02,FIRM,BANK,1,261124,0900,GBP,2/\n03,12345678,GBP,010,+0,,/\n");
            for (int i = 0; i < lines; i++) {
                long minor = 1_000 + (i * 7919L) % 900_000;
                String type = i % 3 == 0 ? "195" : "165";
                String text = "Payment from client " + (i % 20_000) + " ref " + i;
                out.write("16," + type + "," + minor + ",0,B" + fileNumber + "-" + i + ",," + text + "/\n");
                csv.write((i + 4) + ",12345678," + type + ",GBP," + minor / 100 + "." + String.format("%02d", minor % 100) + ",B" + fileNumber + "-" + i
                        + ",," + text + "\n");
                total += minor;
            }
            out.write("49," + total + "," + (lines + 2) + "/\n98," + total + ",1," + (lines + 4) + "/\n99," + total + ",1," + (lines + 6) + "/\n");
        }
    }

    /** A logged table like the application's own. */
    private long rawCopy(Path rows) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE scratch_statement (line INTEGER, account TEXT, type_code TEXT, currency TEXT, amount NUMERIC, "
                    + "bank_reference TEXT, customer_reference TEXT, text TEXT)");
            try (InputStream in = Files.newInputStream(rows)) {
                return connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY scratch_statement FROM STDIN (FORMAT csv)", in);
            } finally {
                statement.execute("DROP TABLE scratch_statement");
            }
        }
    }

    private long receipts(String fileNumber) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM receipt WHERE source = 'BANK' AND payment_reference LIKE 'BAI2 BENCHBANK/261124/0900/"
                     + fileNumber + " %'")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static int size() {
        try (var in = Bai2Benchmark.class.getClassLoader().getResourceAsStream("benchmark-lines.txt")) {
            return Integer.parseInt(new String(in.readAllBytes()).trim());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
