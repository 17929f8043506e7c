package org.quittance.it;

import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.EJB;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quittance.billing.boundary.Billing;
import org.quittance.billing.entity.InvoiceState;
import org.quittance.ledger.boundary.Ledgers;
import org.quittance.money.Money;
import org.quittance.platform.control.RuleViolation;
import org.quittance.portal.boundary.PortalInvoices;
import org.quittance.bankfiles.boundary.BankStatementImport;
import org.quittance.receipts.boundary.IntegratedReceipts;
import org.quittance.receipts.boundary.ReceiptImport;
import org.quittance.receipts.entity.MatchKind;
import org.quittance.receipts.entity.PaymentMethod;
import org.quittance.receipts.entity.Receipt;
import org.quittance.receipts.entity.ReceiptState;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A bank's BAI2 statement in the server: kept as it streams in, then its credits become bank receipts
 * awaiting acceptance by the job bank-statement-import (one that names an invoice is suggested for
 * it); the same file imported twice records nothing more; a statement of thousands of credits is
 * recorded a page at a time, each credit once; and a malformed file is refused with its line while
 * nothing of it is kept.
 */
@ExtendWith(ArquillianExtension.class)
class BankStatementIT {

    @Deployment
    static EnterpriseArchive deployment() {
        Path samples = Path.of("../ejb/src/test/resources/bank-files/bai2");
        return Deployments.quittanceWith(Deployments.testModule(BankStatementIT.class)
                .addAsResource(samples.resolve("sample1.txt").toFile(), "bai2/sample1.txt")
                .addAsResource(samples.resolve("sample2.txt").toFile(), "bai2/sample2.txt")
                .addAsResource(samples.resolve("sample3.txt").toFile(), "bai2/sample3.txt"));
    }

    @EJB BillingFixtures fixtures;
    @EJB Billing billing;
    @EJB BankStatementImport bankFiles;
    @EJB IntegratedReceipts receipts;
    @EJB Ledgers ledgers;
    @EJB ReceiptImport runs;

    @PersistenceContext(unitName = "quittance")
    EntityManager em;

    @BeforeEach
    void firm() {
        fixtures.firmWithPortalInvoicing(true);
    }

    @Test
    void aWireNamingAnInvoiceIsSuggestedForItAndAcceptingItMarksTheInvoicePaidOutsideThePortal() {
        BillingFixtures.Published c = fixtures.registeredClientWithPublishedInvoice();
        String number = billing.invoice(c.invoiceId()).number();
        String fileNumber = fileNumber();
        byte[] file = bai2(fileNumber, "16,195,60000,0,WIRE" + fileNumber + ",,Wire from client re " + number,
                "16,108,1234,0,,,TFR UNRELATED", "16,409,500,0,,,SERVICE CHARGE");

        BankStatementImport.Imported first = imported("statement.bai", file);
        assertEquals(2, first.credits(), "two credits; the debit is not a receipt");
        assertEquals(0, first.known());
        assertEquals(2L, runToTheEnd(first).imported());
        BankStatementImport.Imported again = imported("statement-again.bai", file);
        assertEquals(2, again.known(), "the same file again: both recorded before");
        assertNull(again.executionId(), "and nothing runs");

        Receipt wire = receiptLike("%WIRE" + fileNumber);
        assertEquals(PaymentMethod.WIRE, wire.method());
        assertEquals(MatchKind.SUGGESTED, wire.matchKind(), wire.matchReason());
        assertEquals(Map.of(c.invoiceId(), Money.of("600.00", "GBP")), wire.allocations());
        assertEquals(MatchKind.NONE, receiptLike(FILE + fileNumber + " % line %").matchKind(), "nothing names the other credit");

        assertEquals(1, receipts.acceptSelected(List.of(wire.id())).applied());
        assertEquals(InvoiceState.PAID, billing.invoice(c.invoiceId()).state());
        assertTrue(ledgers.ofClient(c.clientId()).get(1).description().startsWith("Wire transfer received (BAI2 "));
        PortalInvoices.Row row = fixtures.portalRow(c);
        assertTrue(row.paid() && row.paidOutsidePortal());
        assertEquals(ReceiptState.ACCEPTED, receipts.receipt(wire.id()).state());
    }

    /** Real banks' files (the shared samples): credits without any text, several currencies, continuations. */
    @Test
    void theSharedSamplesImportEveryCreditOnceEvenWithoutText() throws IOException {
        for (String sample : List.of("sample1.txt", "sample2.txt", "sample3.txt")) {
            byte[] file;
            try (InputStream in = BankStatementIT.class.getClassLoader().getResourceAsStream("bai2/" + sample)) {
                file = in.readAllBytes();
            }
            BankStatementImport.Imported first = imported(sample, file);
            assertTrue(first.credits() > 0, sample + ": " + first);
            if (first.executionId() != null) {
                runToTheEnd(first);
            }
            BankStatementImport.Imported again = imported(sample, file);
            assertEquals(first.credits(), again.known(), sample + ": every credit recorded once");
            assertNull(again.executionId());
        }
    }

    @Test
    void aMalformedFileIsRefusedWithItsLineAndNothingOfItIsRecorded() {
        String fileNumber = fileNumber();
        String good = new String(bai2(fileNumber, "16,195,60000,0,A" + fileNumber + ",,first", "16,195,70000,0,B" + fileNumber + ",,second"),
                StandardCharsets.ISO_8859_1);
        byte[] broken = good.replace("16,195,70000,", "16,195,7O000,").getBytes(StandardCharsets.ISO_8859_1);

        RuleViolation refused = assertThrows(RuleViolation.class, () -> imported("broken-" + fileNumber + ".bai", broken));
        assertEquals("broken-" + fileNumber + ".bai was not imported. Line 5: amount \"7O000\" is not a whole number of minor units.",
                refused.getMessage());
        assertEquals(0L, ((Number) em.createNativeQuery("SELECT COUNT(*) FROM receipt WHERE payment_reference LIKE ?")
                .setParameter(1, FILE + fileNumber + " %").getSingleResult()).longValue(), "not even the good first credit");
        assertEquals(0L, ((Number) em.createNativeQuery("SELECT COUNT(*) FROM bank_statement WHERE name = ?")
                .setParameter(1, "broken-" + fileNumber + ".bai").getSingleResult()).longValue(), "nor the file kept");
    }

    /** More credits than a page of the job: each becomes one receipt, with the bank reference a second credit shares numbered. */
    @Test
    void aStatementOfThousandsOfCreditsIsRecordedAPageAtATimeEachCreditOnce() {
        String fileNumber = fileNumber();
        int credits = 2_500;
        String[] details = new String[credits];
        for (int i = 0; i < credits; i++) {
            // The last two share a bank reference: the second is told apart by its number.
            String reference = i == credits - 1 ? "R" + fileNumber + "-" + (credits - 2) : "R" + fileNumber + "-" + i;
            details[i] = "16,195," + (10_000 + i) + ",0," + reference + ",,Wire " + i;
        }
        BankStatementImport.Imported first = imported("large-" + fileNumber + ".bai", bai2(fileNumber, details));
        assertEquals(credits, first.credits());
        assertEquals((long) credits, runToTheEnd(first).imported());
        assertEquals((long) credits, ((Number) em.createNativeQuery("SELECT COUNT(*) FROM receipt WHERE source = 'BANK' AND payment_reference LIKE ?")
                .setParameter(1, FILE + fileNumber + " %").getSingleResult()).longValue());
        Receipt second = receiptLike("% R" + fileNumber + "-" + (credits - 2) + " #2");
        assertEquals(Money.of("124.99", "GBP"), second.gross(), "the last credit, in its place in the file");
        assertEquals(credits, imported("large-again.bai", bai2(fileNumber, details)).known());
    }

    private BankStatementImport.Imported imported(String name, byte[] file) {
        return bankFiles.importBai2(name, new ByteArrayInputStream(file));
    }

    private ReceiptImport.Progress runToTheEnd(BankStatementImport.Imported imported) {
        Eventually.await("the bank statement import", Duration.ofMinutes(2), () -> !runs.progress(imported.executionId()).running());
        ReceiptImport.Progress progress = runs.progress(imported.executionId());
        assertEquals(BatchStatus.COMPLETED, progress.status(), progress.exitStatus());
        assertTrue(progress.bankStatement());
        return progress;
    }

    /** A GBP BAI2 file of one account with these detail records, its trailers' counts and totals right. */
    private static byte[] bai2(String fileNumber, String... details) {
        long total = 0;
        StringBuilder s = new StringBuilder("01,QUITTANCEIT,FIRM,261124,0900," + fileNumber + ",,,2/\n")
                .append("02,FIRM,BANK,1,261124,0900,GBP,2/\n")
                .append("03,12345678,GBP,010,+0,,/\n");
        for (String detail : details) {
            s.append(detail).append("/\n");
            total += Long.parseLong(detail.split(",")[2]);
        }
        int account = details.length + 2;
        s.append("49,").append(total).append(',').append(account).append("/\n")
                .append("98,").append(total).append(",1,").append(account + 2).append("/\n")
                .append("99,").append(total).append(",1,").append(account + 4).append("/\n");
        return s.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * How this class's files' receipts begin, before the file number: a receipt is found by its own file,
     * where "any reference holding the six digits" also found other tests' receipts (some 110,000 by the
     * end of a run, many with long numbers in their references).
     */
    private static final String FILE = "BAI2 QUITTANCEIT/261124/0900/";

    private static String fileNumber() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    }

    private Receipt receiptLike(String pattern) {
        Number id = (Number) em.createNativeQuery("SELECT id FROM receipt WHERE source = 'BANK' AND payment_reference LIKE ?")
                .setParameter(1, pattern).getSingleResult();
        return receipts.receipt(id.longValue());
    }
}
