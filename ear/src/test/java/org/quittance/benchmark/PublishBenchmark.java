package org.quittance.benchmark;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.ejb.EJB;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quittance.billing.boundary.Publishing;
import org.quittance.billing.boundary.PublishedVersions;
import org.quittance.billing.entity.Invoice;
import org.quittance.it.BillingFixtures;
import org.quittance.it.Deployments;
import org.quittance.it.Eventually;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Benchmark, not a test (run by benchmarks/publish.sh, never by mvn verify): publishes N final
 * invoices (100 clients × N/100) in one Review run and measures, from the click, when every message
 * is sent, every published version (PDF) is made and every e-mail has reached the SMTP server.
 */
@ExtendWith(ArquillianExtension.class)
class PublishBenchmark {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.quittanceWith(Deployments.testModule(PublishBenchmark.class, BillingFixtures.class, BillingFixtures.Scenario.class)
                .addAsLibraries(Deployments.libraryOnClassPath("greenmail-2"))
                // The size is chosen on the command line (client JVM) but read in the server.
                .addAsResource(new StringAsset(System.getProperty("benchmark.invoices", "1000")), "benchmark-invoices.txt"));
    }

    @EJB BillingFixtures fixtures;
    @EJB Publishing publishing;
    @EJB PublishedVersions versions;
    @PersistenceContext EntityManager em;

    @Test
    void publishInvoices() {
        int invoices = invoicesToPublish();
        int clients = Math.min(100, invoices);
        GreenMail smtp = new GreenMail(new ServerSetup(Integer.parseInt(System.getenv("QUITTANCE_SMTP_PORT")), "127.0.0.1", "smtp"));
        smtp.start();
        try {
            fixtures.firmWithPortalInvoicing(true);
            List<Long> ids = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                BillingFixtures.Scenario client = fixtures.client(true);
                for (int i = 0; i < invoices / clients; i++) {
                    Invoice invoice = fixtures.finalInvoice(client);
                    ids.add(invoice.id());
                }
            }
            int mailsBefore = smtp.getReceivedMessages().length;
            Set<Long> selection = new HashSet<>(ids);

            long start = System.nanoTime();
            long runId = publishing.start(selection);
            long returned = System.nanoTime();
            Eventually.await("run finished", Duration.ofMinutes(10), () -> publishing.progress(runId).finished());
            long published = System.nanoTime();
            Eventually.await("all versions", Duration.ofMinutes(10), () -> versionCount(ids) == ids.size());
            long pdfs = System.nanoTime();
            Eventually.await("all e-mails", Duration.ofMinutes(10), () -> smtp.getReceivedMessages().length - mailsBefore >= ids.size());
            long mailed = System.nanoTime();

            System.out.printf("%nBENCHMARK publish %d invoices (%d clients)%n", ids.size(), clients);
            System.out.printf("  Publish selected returned after  %6d ms%n", (returned - start) / 1_000_000);
            System.out.printf("  all marked published, woken      %6d ms%n", (published - start) / 1_000_000);
            System.out.printf("  all versions with PDF made       %6d ms%n", (pdfs - start) / 1_000_000);
            System.out.printf("  all e-mails delivered (SMTP)     %6d ms%n", (mailed - start) / 1_000_000);
            System.out.printf("  throughput end to end            %6.1f invoices/s%n%n", ids.size() / ((mailed - start) / 1e9));
        } finally {
            smtp.stop();
        }
    }

    private static int invoicesToPublish() {
        try (var in = PublishBenchmark.class.getClassLoader().getResourceAsStream("benchmark-invoices.txt")) {
            return Integer.parseInt(new String(in.readAllBytes()).trim());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long versionCount(List<Long> ids) {
        return em.createQuery("SELECT COUNT(p) FROM PublishedInvoice p WHERE p.invoiceId IN :ids", Long.class)
                .setParameter("ids", ids).getSingleResult();
    }
}
