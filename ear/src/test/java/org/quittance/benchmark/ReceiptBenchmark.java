package org.quittance.benchmark;

import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quittance.billing.boundary.Billing;
import org.quittance.billing.entity.Invoice;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.payments.entity.ProcessorKind;
import org.quittance.it.BillingFixtures;
import org.quittance.it.SandboxClient;
import org.quittance.it.Deployments;
import org.quittance.it.Eventually;
import org.quittance.money.Money;
import org.quittance.receipts.boundary.IntegratedReceipts;
import org.quittance.receipts.boundary.ReceiptImport;
import org.quittance.receipts.boundary.ReceiptIntake;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Benchmark, not a test (run by benchmarks/receipts.sh, never by mvn verify): the receipt import of N
 * settled transactions from the sandbox processor, end to end (listing over HTTP, matching, writing,
 * checkpoints), and Accept Selected for 1,000 receipts that each pay an invoice.
 */
@ExtendWith(ArquillianExtension.class)
class ReceiptBenchmark {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.quittanceWith(Deployments.testModule(ReceiptBenchmark.class, BillingFixtures.class, BillingFixtures.Scenario.class)
                // The size is chosen on the command line (client JVM) but read in the server.
                .addAsResource(new StringAsset(System.getProperty("benchmark.transactions", "100000")), "benchmark-transactions.txt"));
    }

    @EJB BillingFixtures fixtures;
    @EJB FirmSettings settings;
    @EJB org.quittance.payments.boundary.PaymentAccounts accounts;
    @EJB Billing billing;
    @EJB ReceiptImport receiptImport;
    @EJB ReceiptIntake intake;
    @EJB IntegratedReceipts receipts;

    @Test
    void importAndAccept() {
        int transactions = size();
        fixtures.firmWithPortalInvoicing(true);
        accounts.connectPaymentAccount(ProcessorKind.SANDBOX, false, "Sandbox", null, null, null);

        Instant day = Instant.parse("1999-01-01T00:00:00Z").plus(System.nanoTime() % 3_000, ChronoUnit.DAYS);
        long seeding = System.nanoTime();
        for (int done = 0; done < transactions; done += 5_000) {
            List<SandboxClient.Charge> batch = new ArrayList<>();
            for (int i = done; i < Math.min(transactions, done + 5_000); i++) {
                batch.add(new SandboxClient.Charge(1_000 + i % 90_000, "GBP", day.plusMillis(i * 86_400_000L / transactions), null,
                        Map.of(), "Card payment " + i));
            }
            SandboxClient.settle(batch);
        }
        System.out.println("BENCHMARK receipts: seeded, the import starts");  // for a profiler to start now
        long seeded = System.nanoTime();

        long execution = receiptImport.start(day, day.plus(1, ChronoUnit.DAYS));
        Eventually.await("the import", Duration.ofHours(3), () -> !receiptImport.progress(execution).running());
        ReceiptImport.Progress run = receiptImport.progress(execution);
        assertEquals(BatchStatus.COMPLETED, run.status());
        double importSeconds = Duration.between(run.started(), run.ended()).toMillis() / 1000.0;

        // Accept Selected for 1,000 receipts, each naming one invoice of one of 10 clients.
        List<Long> ids = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            BillingFixtures.Scenario client = fixtures.client(true);
            for (int i = 0; i < 100; i++) {
                Invoice invoice = fixtures.finalInvoice(client);
                String reference = "pi_bench_" + invoice.id();
                intake.record(new ReceiptIntake.ProcessorFacts(reference, null, null, Money.of("600.00", "GBP"), null, null, null,
                        OffsetDateTime.now(), null, "Payment for " + invoice.number()), "benchmark");
                ids.add(intake.byPaymentReference(reference).orElseThrow().id());
            }
        }
        long accepting = System.nanoTime();
        IntegratedReceipts.Accepted accepted = receipts.acceptSelected(ids);
        long acceptedAt = System.nanoTime();
        assertEquals(1_000, accepted.applied());

        System.out.printf("%nBENCHMARK receipts: %d settled transactions%n", transactions);
        System.out.printf("  seeding the sandbox                %8.1f s%n", (seeded - seeding) / 1e9);
        System.out.printf("  import (list, match, write)        %8.1f s  = %.0f transactions/s (read %d, recorded %d)%n",
                importSeconds, transactions / importSeconds, run.read(), run.imported());
        System.out.printf("  Accept Selected, 1,000 receipts    %8.1f s  = %.0f receipts/s%n%n", (acceptedAt - accepting) / 1e9,
                1_000 / ((acceptedAt - accepting) / 1e9));
    }

    private static int size() {
        try (var in = ReceiptBenchmark.class.getClassLoader().getResourceAsStream("benchmark-transactions.txt")) {
            return Integer.parseInt(new String(in.readAllBytes()).trim());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
