package org.quittance.it;

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
import org.quittance.billing.entity.Invoice;
import org.quittance.billing.entity.InvoiceState;
import org.quittance.ledger.boundary.Ledgers;
import org.quittance.ledger.entity.EntryKind;
import org.quittance.money.Money;
import org.quittance.platform.control.RuleViolation;
import org.quittance.bankfiles.boundary.AchReturnImport;
import org.quittance.receipts.boundary.IntegratedReceipts;
import org.quittance.receipts.boundary.ManualReceipts;
import org.quittance.bankfiles.entity.AchOutcome;
import org.quittance.receipts.entity.PaymentMethod;
import org.quittance.receipts.entity.Receipt;
import org.quittance.receipts.entity.ReceiptState;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bank's NACHA return files in the server: an R01 return reverses the ACH receipt that carries the
 * original entry's trace number and reopens its invoice; a returned credit and a notice of change are
 * listed and change nothing; the same file again changes nothing twice; a return whose amount is not the
 * receipt's is left for staff; a malformed file is refused with its line and nothing of it is applied.
 */
@ExtendWith(ArquillianExtension.class)
class AchReturnIT {

    private static final String FIXTURES = "../ejb/src/test/resources/bank-files/ach-returns/";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.quittanceWith(Deployments.testModule(AchReturnIT.class)
                .addAsResource(new File(FIXTURES + "return-WEB.ach"), "ach/return-WEB.ach")
                .addAsResource(new File(FIXTURES + "return-no-batch-controls.ach"), "ach/return-no-batch-controls.ach")
                .addAsResource(new File(FIXTURES + "cor-example.ach"), "ach/cor-example.ach")
                .addAsResource(new File(FIXTURES + "FISERV-ZEROFILE-PIMRET825324_032720_110221.ach"), "ach/zero.ach"));
    }

    @EJB BillingFixtures fixtures;
    @EJB Billing billing;
    @EJB ManualReceipts manual;
    @EJB AchReturnImport returns;
    @EJB IntegratedReceipts receipts;
    @EJB Ledgers ledgers;

    @PersistenceContext(unitName = "quittance")
    EntityManager em;

    @BeforeEach
    void firm() {
        fixtures.firmWithPortalInvoicing(true);
    }

    @Test
    void anR01ReturnReversesTheAchReceiptOfItsTraceAndReopensTheInvoice() {
        BillingFixtures.Scenario client = fixtures.inCurrency(fixtures.client(true), "USD");
        Invoice invoice = fixtures.finalInvoice(client);
        long receiptId = achReceipt(client, "091400600000001", "123.54", invoice.id());
        assertEquals(Money.of("476.46", "USD"), billing.invoice(invoice.id()).balanceDue());

        AchReturnImport.Imported first = returns.importReturns("return-WEB.ach", fixture("return-WEB.ach"));

        assertEquals(new AchReturnImport.Imported(2, 1, 1, 0), first, "R01 reverses; R03 returns a credit the firm sent: listed");
        Receipt receipt = receipts.receipt(receiptId);
        assertEquals(ReceiptState.REVERSED, receipt.state());
        assertEquals("ACH return R01 Insufficient funds", receipt.stateReason());
        Invoice reopened = billing.invoice(invoice.id());
        assertEquals(Money.of("600.00", "USD"), reopened.balanceDue());
        assertEquals(InvoiceState.FINAL, reopened.state());
        Ledgers.Line last = ledgers.ofMatter(client.matterId()).get(ledgers.ofMatter(client.matterId()).size() - 1);
        assertEquals(EntryKind.RECEIPT_REVERSAL, last.kind());
        assertEquals(Money.of("123.54", "USD"), last.amount());
        assertEquals(Money.of("600.00", "USD"), last.balance());

        assertEquals(new AchReturnImport.Imported(2, 0, 0, 2), returns.importReturns("return-WEB (resent).ach", fixture("return-WEB.ach")),
                "the same returns again: nothing twice");
        assertEquals(Money.of("600.00", "USD"), billing.invoice(invoice.id()).balanceDue());

        List<AchReturnImport.Row> listed = returns.recent(50).stream().filter(r -> r.fileName().equals("return-WEB.ach")).toList();
        assertEquals(List.of(AchOutcome.REVERSED, AchOutcome.RETURNED_CREDIT), listed.stream().map(AchReturnImport.Row::outcome).toList());
        assertEquals("R03 No account / unable to locate account", listed.get(1).reason());
        assertEquals(1L, count("SELECT COUNT(*) FROM mail_outbox WHERE message_key LIKE 'ach-returns:%' AND subject = ?",
                "ACH returns: 2 entries, 1 receipts reversed (return-WEB.ach)"), "the firm is told, once per import");
    }

    @Test
    void aReturnForAnotherAmountThanItsReceiptChangesNothingAndWaitsForStaff() {
        BillingFixtures.Scenario client = fixtures.inCurrency(fixtures.client(true), "USD");
        Invoice invoice = fixtures.finalInvoice(client);
        String trace = trace();
        long receiptId = achReceipt(client, trace, "100.00", invoice.id());

        AchReturnImport.Imported done = returns.importReturns("odd.ach", returnWeb(trace));

        assertEquals(new AchReturnImport.Imported(2, 0, 2, 0), done, "this one, and the R03 credit");
        AchReturnImport.Row row = returns.recent(50).stream().filter(r -> r.originalTrace().equals(trace)).findFirst().orElseThrow();
        assertEquals(AchOutcome.REVIEW, row.outcome());
        assertTrue(row.note().contains("Return R01 Insufficient funds of USD 123.54, but receipt " + trace + " is for USD 100.00"), row.note());
        assertEquals(ReceiptState.ACCEPTED, receipts.receipt(receiptId).state());
        assertEquals(Money.of("500.00", "USD"), billing.invoice(invoice.id()).balanceDue());
    }

    @Test
    void aMalformedFileIsRefusedWithItsLineAndNothingOfItIsApplied() {
        BillingFixtures.Scenario client = fixtures.inCurrency(fixtures.client(true), "USD");
        Invoice invoice = fixtures.finalInvoice(client);
        String trace = trace();
        long receiptId = achReceipt(client, trace, "123.54", invoice.id());
        long before = count("SELECT COUNT(*) FROM ach_return", null);

        RuleViolation noControls = assertThrows(RuleViolation.class,
                () -> returns.importReturns("return-no-batch-controls.ach", fixture("return-no-batch-controls.ach")));
        assertEquals("return-no-batch-controls.ach was not imported. Line 1: an ACH file starts with its file header (record type 1), "
                + "not a batch header (5).", noControls.getMessage());
        byte[] wrongTotal = new String(returnWeb(trace), StandardCharsets.ISO_8859_1)
                .replace("9000002000001000000040018280120000000012354", "9000002000001000000040018280120000000012355").getBytes(StandardCharsets.ISO_8859_1);
        RuleViolation total = assertThrows(RuleViolation.class, () -> returns.importReturns("wrong-total.ach", wrongTotal));
        assertEquals("wrong-total.ach was not imported. Line 10: the file: debits (cents) counted 12354, its control record says 12355.",
                total.getMessage());

        assertEquals(before, count("SELECT COUNT(*) FROM ach_return", null));
        assertEquals(ReceiptState.ACCEPTED, receipts.receipt(receiptId).state(), "the R01 in the refused file reversed nothing");
        assertEquals(Money.of("476.46", "USD"), billing.invoice(invoice.id()).balanceDue());
    }

    @Test
    void aNoticeOfChangeIsListedAndAZeroFileIsTaken() {
        assertEquals(new AchReturnImport.Imported(0, 0, 0, 0), returns.importReturns("zero.ach", fixture("zero.ach")));
        AchReturnImport.Imported notice = returns.importReturns("cor-example.ach", fixture("cor-example.ach"));
        assertEquals(1, notice.entries());
        AchReturnImport.Row row = returns.recent(50).stream().filter(r -> r.fileName().equals("cor-example.ach")).findFirst().orElseThrow();
        assertEquals(AchOutcome.NOTICE_OF_CHANGE, row.outcome());
        assertEquals("C01 Incorrect account number", row.reason());
        assertTrue(row.note().contains("the corrected data is \"1918171614\""), row.note());
    }

    /** An ACH debit the firm collected, entered by staff with the entry's trace number as its reference, on the books. */
    private long achReceipt(BillingFixtures.Scenario client, String trace, String amount, Long invoiceId) {
        return manual.enter(new ManualReceipts.Entry(client.clientId(), PaymentMethod.ACH, trace, LocalDate.now(), new BigDecimal(amount), "USD",
                Map.of(invoiceId, new BigDecimal(amount)), "WEB debit", UUID.randomUUID().toString()));
    }

    /** return-WEB.ach with its R01 naming this trace instead (the control records do not cover traces). */
    private static byte[] returnWeb(String trace) {
        return new String(fixture("return-WEB.ach"), StandardCharsets.ISO_8859_1).replace("091400600000001", trace)
                .replace("091400600000003", trace.substring(0, 14) + (char) ('0' + (trace.charAt(14) - '0' + 1) % 10)).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String trace() {
        return "0" + ThreadLocalRandom.current().nextLong(10_000_000_000_000L, 99_999_999_999_999L);
    }

    private static byte[] fixture(String name) {
        try (InputStream in = AchReturnIT.class.getClassLoader().getResourceAsStream("ach/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long count(String sql, String parameter) {
        var query = em.createNativeQuery(sql);
        if (parameter != null) {
            query.setParameter(1, parameter);
        }
        return ((Number) query.getSingleResult()).longValue();
    }
}
