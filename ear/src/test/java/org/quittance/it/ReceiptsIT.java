package org.quittance.it;

import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quittance.billing.boundary.Billing;
import org.quittance.billing.boundary.Publishing;
import org.quittance.billing.entity.InvoiceState;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.firm.entity.PaymentApplication;
import org.quittance.ledger.boundary.Ledgers;
import org.quittance.ledger.entity.EntryKind;
import org.quittance.money.Money;
import org.quittance.payments.boundary.PortalPayments;
import org.quittance.payments.entity.BillingAddress;
import org.quittance.portal.boundary.PortalInvoices;
import org.quittance.receipts.boundary.IntegratedReceipts;
import org.quittance.receipts.boundary.InterruptedImports;
import org.quittance.receipts.boundary.ReceiptImport;
import org.quittance.receipts.boundary.ReceiptIntake;
import org.quittance.receipts.entity.MatchKind;
import org.quittance.receipts.entity.Receipt;
import org.quittance.receipts.entity.ReceiptState;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Receipts in the server: the Jakarta Batch import over the sandbox processor's settled transactions
 * (10,000 of them; a re-run; a restart after the processor fails half-way), a payment whose
 * notifications were lost, Accept Selected (twice at once), undo, part and over payments, auto-apply.
 */
@ExtendWith(ArquillianExtension.class)
class ReceiptsIT {

    private static final Duration JOB_WAIT = Duration.ofMinutes(5);
    private static final BillingAddress ADDRESS = new BillingAddress("IT Payer", "1 Quay Street", null, "Bristol", "BS1 5TT", "GB");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.quittanceWith(Deployments.testModule(ReceiptsIT.class, BillingFixtures.class, BillingFixtures.Scenario.class,
                Eventually.class));
    }

    @EJB BillingFixtures fixtures;
    @EJB FirmSettings settings;
    @EJB Billing billing;
    @EJB Publishing publishing;
    @EJB PortalPayments payments;
    @EJB ReceiptImport receiptImport;
    @EJB InterruptedImports interruptedImports;
    @EJB ReceiptIntake intake;
    @EJB IntegratedReceipts receipts;
    @EJB Ledgers ledgers;

    @PersistenceContext(unitName = "quittance")
    EntityManager em;


    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @BeforeEach
    void sandboxAccount() {
        fixtures.firmWithPortalInvoicing(true);
        fixtures.sandboxAccount();
    }

    @AfterEach
    void noFaults() {
        SandboxClient.noFaults();
    }

    @Test
    void theImportMakesEverySettledPaymentOneReceiptAndARerunMakesNone() throws Exception {
        Instant from = quietPeriod();
        List<String> settled = simulate(10_000, from);

        assertEquals(BatchStatus.COMPLETED, runToEnd(receiptImport.start(from, from.plus(1, ChronoUnit.DAYS))));
        assertEquals(10_000, receiptsOf(settled), "one receipt per settled payment");

        long rerun = receiptImport.start(from, from.plus(1, ChronoUnit.DAYS));
        assertEquals(BatchStatus.COMPLETED, runToEnd(rerun));
        assertEquals(10_000, receiptImport.progress(rerun).read(), "the re-run read them all again");
        assertEquals(10_000, receiptsOf(settled), "and made no receipt twice");
        assertEquals(10_000L, count("SELECT COUNT(DISTINCT settlement_id) FROM receipt WHERE received_at >= ? AND received_at < ?",
                from, from.plus(1, ChronoUnit.DAYS)));
    }

    @Test
    void anImportThatFailsHalfWayRestartsFromItsCheckpointAndEndsAsIfNeverInterrupted() throws Exception {
        Instant from = quietPeriod();
        List<String> settled = simulate(3_000, from);
        // The processor stops answering after 12 pages (1,200 transactions): six chunks of 200 are committed.
        SandboxClient.failListingAfterPages(12);

        long failed = receiptImport.start(from, from.plus(1, ChronoUnit.DAYS));
        assertEquals(BatchStatus.FAILED, runToEnd(failed));
        assertEquals(1_200, receiptsOf(settled), "what was committed before the failure stays");

        SandboxClient.noFaults();
        long restarted = receiptImport.restart(failed);
        assertEquals(BatchStatus.COMPLETED, runToEnd(restarted));
        assertEquals(1_800, receiptImport.progress(restarted).read(), "the restart read only what was left");
        assertEquals(3_000, receiptsOf(settled));
        assertEquals(3_000L, count("SELECT COUNT(DISTINCT settlement_id) FROM receipt WHERE received_at >= ? AND received_at < ?",
                from, from.plus(1, ChronoUnit.DAYS)));
        BigDecimal imported = (BigDecimal) em.createNativeQuery("""
                        SELECT SUM(gross) FROM receipt WHERE received_at >= ? AND received_at < ?""")
                .setParameter(1, OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC))
                .setParameter(2, OffsetDateTime.ofInstant(from.plus(1, ChronoUnit.DAYS), java.time.ZoneOffset.UTC)).getSingleResult();
        assertEquals(0, new BigDecimal("3000").multiply(new BigDecimal("12.34")).compareTo(imported), "every amount once");
    }

    @Test
    void anImportTheProcessorRateLimitsWaitsItOutAndEndsAsIfNeverLimited() throws Exception {
        Instant from = quietPeriod();
        List<String> settled = simulate(1_000, from);
        // Two list calls a second: the import's ten pages run into Stripe's 429 and must back off, not fail.
        SandboxClient.rateLimitListing(2);

        assertEquals(BatchStatus.COMPLETED, runToEnd(receiptImport.start(from, from.plus(1, ChronoUnit.DAYS))));
        assertTrue(SandboxClient.noFaultsCountingRateLimited() > 0, "the processor did answer 429");
        assertEquals(1_000, receiptsOf(settled), "one receipt per settled payment");
    }

    /**
     * A crash leaves an import STARTED in the job repository for ever, and a running import blocks
     * every later one. At start the server marks it failed with the reason and restarts it from its
     * checkpoint. (The crash is simulated: a copy of a half-done execution, still STARTED, that this
     * server never ran — as the repository holds it after a kill -9 and a restart.)
     */
    @Test
    void anImportInterruptedByAServerStopIsMarkedAndContinuedAtStart() throws Exception {
        Instant from = quietPeriod();
        List<String> settled = simulate(3_000, from);
        SandboxClient.failListingAfterPages(12);
        long halfDone = receiptImport.start(from, from.plus(1, ChronoUnit.DAYS));
        assertEquals(BatchStatus.FAILED, runToEnd(halfDone));
        SandboxClient.noFaults();
        long crashed = fixtures.asLeftByACrash(halfDone, org.quittance.platform.control.ClusterNode.name());
        // JBeret lists running executions from its repository, which may still show the failed run for a moment.
        Eventually.await("the crash's copy the one running import", JOB_WAIT,
                () -> receiptImport.running().map(p -> p.executionId() == crashed).orElse(false));
        assertThrows(Exception.class, () -> receiptImport.start(from, from.plus(1, ChronoUnit.DAYS)), "a dead import blocks the next");

        List<Long> restarted = interruptedImports.recover();

        assertEquals(1, restarted.size());
        ReceiptImport.Progress marked = receiptImport.progress(crashed);
        assertEquals(BatchStatus.FAILED, marked.status());
        assertTrue(marked.interrupted(), marked.exitStatus());
        assertEquals(BatchStatus.COMPLETED, runToEnd(restarted.get(0)));
        assertEquals(1_800, receiptImport.progress(restarted.get(0)).read(), "continued from the checkpoint");
        assertEquals(3_000, receiptsOf(settled), "every payment once");
        assertTrue(receiptImport.running().isEmpty());
        assertEquals(List.of(), interruptedImports.recover(), "nothing left to recover");
    }

    /**
     * A node that only seemed dead (paused past its lease) while another node took its import over: when it
     * wakes, its import stops at its next chunk instead of running beside the restart, and the restart ends
     * it from the checkpoint: between them they read each payment once, and each is one receipt.
     */
    @Test
    void anImportWhoseNodeOnlySeemedDeadStopsAtItsNextChunkAndItsRestartEndsItOnce() throws Exception {
        Instant from = quietPeriod();
        List<String> settled = simulate(3_000, from);
        // Four list calls a second (400 transactions): slow enough to be caught in the middle.
        SandboxClient.rateLimitListing(4);
        long seemedDead = receiptImport.start(from, from.plus(1, ChronoUnit.DAYS));
        Eventually.await("the import under way", JOB_WAIT, () -> receiptImport.progress(seemedDead).read() >= 400);
        // As another node sees a node paused past its lease (named apart, so that this node's renewals pass it by).
        fixtures.execute("UPDATE job_lease SET node = 'node-paused', renewed_at = now() - interval '10 minutes' WHERE execution_id = ?", seemedDead);

        interruptedImports.sweep();

        // Here the node that seemed dead is this one: JBeret restarts the execution once its next chunk has stopped it.
        assertEquals(BatchStatus.FAILED, runToEnd(seemedDead), "the execution that seemed dead stopped, not completed beside its restart");
        Eventually.await("the take-over's restart", JOB_WAIT, () -> latestExecutionOf(seemedDead) != seemedDead);
        long restart = latestExecutionOf(seemedDead);
        assertEquals(BatchStatus.COMPLETED, runToEnd(restart));
        ReceiptImport.Progress stopped = receiptImport.progress(seemedDead);
        assertTrue(stopped.exitStatus().startsWith("INTERRUPTED: the node running this import (node-paused) stopped; restarted on "),
                stopped.exitStatus());
        assertEquals(3_000, stopped.read() + receiptImport.progress(restart).read(), "never two chunks at once: each payment read once");
        assertEquals(3_000, receiptsOf(settled), "every payment once");
        assertEquals(0L, count("SELECT COUNT(*) FROM job_lease WHERE execution_id IN (?, " + restart + ")", seemedDead), "no lease left");
    }

    @Test
    void aPaymentWhoseNotificationsWereLostIsImportedAsACertainReceiptAndAcceptingItMarksTheInvoicePaid() throws Exception {
        BillingFixtures.Published c = fixtures.registeredClientWithPublishedInvoice();
        String url = payments.startCheckout(c.email(), UUID.randomUUID().toString(), Map.of(c.invoiceId(), new BigDecimal("600.00")), ADDRESS);
        String reference = fixtures.checkoutReference(c.invoiceId());
        SandboxClient.loseNotifications();
        try {
            assertNotNull(SandboxClient.pay(url.substring(url.lastIndexOf('/') + 1), "4242 4242 4242 4242", "12/34", "123", "IT"));
            SandboxClient.deliverWebhooks();  // what the page set off is lost before the fault ends
        } finally {
            SandboxClient.noFaults();
        }
        assertEquals(3L, count("SELECT COUNT(*) FROM sandbox.events WHERE last_error LIKE 'lost%' AND body LIKE ?", "%" + reference + "%"),
                "every notification of the payment lost");

        Instant now = Instant.now();
        assertEquals(BatchStatus.COMPLETED, runToEnd(receiptImport.start(now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.MINUTES))));
        Receipt receipt = receiptOfCheckout(reference);
        assertEquals(MatchKind.CERTAIN, receipt.matchKind(), receipt.matchReason());
        assertEquals(ReceiptState.AWAITING_ACCEPTANCE, receipt.state(), "the firm reviews portal payments");
        assertEquals(Map.of(c.invoiceId(), gbp("600.00")), receipt.allocations());
        assertEquals(gbp("9.20"), receipt.fee(), "1.5 % + 0.20, from the settlement");
        assertEquals(gbp("590.80"), receipt.net());

        // Two staff press Accept Selected at the same moment: it is applied once.
        Future<IntegratedReceipts.Accepted> first = executor.submit(() -> receipts.acceptSelected(List.of(receipt.id())));
        Future<IntegratedReceipts.Accepted> second = executor.submit(() -> receipts.acceptSelected(List.of(receipt.id(), receipt.id())));
        assertEquals(1, first.get().applied() + second.get().applied());
        assertEquals(1, first.get().alreadyDecided() + second.get().alreadyDecided());

        assertEquals(InvoiceState.PAID, billing.invoice(c.invoiceId()).state());
        assertEquals(1L, count("SELECT COUNT(*) FROM ledger_entry WHERE receipt_id = ? AND kind = 'RECEIPT'", receipt.id()));
        Ledgers.Line paid = ledgers.ofClient(c.clientId()).get(1);
        assertEquals(EntryKind.RECEIPT, paid.kind());
        assertTrue(paid.description().startsWith("Paid from portal"), paid.description());
        assertEquals(gbp("0.00"), paid.balance());
        PortalInvoices.Row row = fixtures.portalRow(c);
        assertTrue(row.paid(), "the portal shows it paid");
        assertEquals(gbp("0.00"), row.balance());

        // Undo: a reversing entry, the invoice owes again, the receipt waits again.
        receipts.undoAcceptance(receipt.id(), "accepted on the wrong day");
        assertEquals(InvoiceState.PUBLISHED, billing.invoice(c.invoiceId()).state());
        assertEquals(ReceiptState.AWAITING_ACCEPTANCE, receipts.receipt(receipt.id()).state());
        assertEquals(List.of(EntryKind.INVOICE, EntryKind.RECEIPT, EntryKind.RECEIPT_REVERSAL),
                ledgers.ofClient(c.clientId()).stream().map(Ledgers.Line::kind).toList(), "nothing deleted");
        assertEquals(gbp("600.00"), ledgers.balance(c.clientId()).get("GBP"));
        assertEquals(gbp("600.00"), fixtures.portalRow(c).balance(), "its notifications were lost, so only the books speak: it owes again");
    }

    @Test
    void aPartPaymentLeavesTheRestOpenAndAnOverpaymentBecomesUnappliedCredit() throws Exception {
        BillingFixtures.Published c = fixtures.registeredClientWithPublishedInvoice();
        String number = billing.invoice(c.invoiceId()).number();

        Receipt part = recordUnnamed(gbp("250.00"), "Card payment for " + number);
        assertEquals(MatchKind.SUGGESTED, part.matchKind());
        assertEquals(1, receipts.acceptSelected(List.of(part.id())).applied());
        assertEquals(InvoiceState.PARTLY_PAID, billing.invoice(c.invoiceId()).state());
        assertEquals(gbp("350.00"), billing.invoice(c.invoiceId()).balanceDue());

        Receipt over = recordUnnamed(gbp("1000.00"), "Transfer ref " + number);
        assertTrue(over.matchReason().contains("GBP 650.00 would become unapplied credit"), over.matchReason());
        assertEquals(1, receipts.acceptSelected(List.of(over.id())).applied());
        assertEquals(InvoiceState.PAID, billing.invoice(c.invoiceId()).state());
        assertEquals(gbp("650.00"), ledgers.unappliedCredit(c.clientId()).get("GBP"));
        assertEquals(gbp("-650.00"), ledgers.balance(c.clientId()).get("GBP"), "open balances (none) less the credit");
        assertEquals(gbp("650.00"), receipts.receipt(over.id()).unapplied());
    }

    @Test
    void aRefusedReceiptInASelectionLeavesTheOthersAppliedAndIsNamed() throws Exception {
        BillingFixtures.Published first = fixtures.registeredClientWithPublishedInvoice();
        BillingFixtures.Published second = fixtures.registeredClientWithPublishedInvoice();
        Receipt paysFirst = recordUnnamed(gbp("100.00"), "Card payment for " + billing.invoice(first.invoiceId()).number());
        Receipt nobodys = recordUnnamed(gbp("31.17"), "no reference anybody knows");
        Receipt paysSecond = recordUnnamed(gbp("100.00"), "Card payment for " + billing.invoice(second.invoiceId()).number());
        assertNull(nobodys.clientId(), "no client: Accept must refuse it");

        // Accepted together as one group, which the refusal rolls back: then one by one.
        IntegratedReceipts.Accepted accepted = receipts.acceptSelected(List.of(paysFirst.id(), nobodys.id(), paysSecond.id()));
        assertEquals(2, accepted.applied());
        assertEquals(1, accepted.refused().size());
        assertTrue(accepted.refused().get(0).contains(nobodys.paymentReference()), accepted.refused().get(0));
        assertEquals(InvoiceState.PARTLY_PAID, billing.invoice(first.invoiceId()).state());
        assertEquals(InvoiceState.PARTLY_PAID, billing.invoice(second.invoiceId()).state());
        assertEquals(ReceiptState.AWAITING_ACCEPTANCE, receipts.receipt(nobodys.id()).state());
    }

    @Test
    void withAutoApplyACertainPortalPaymentGoesStraightOntoTheBooks() throws Exception {
        BillingFixtures.Published c = fixtures.registeredClientWithPublishedInvoice();
        payments.startCheckout(c.email(), UUID.randomUUID().toString(), Map.of(c.invoiceId(), new BigDecimal("200.00")), ADDRESS);
        String reference = fixtures.checkoutReference(c.invoiceId());
        settings.setPortalPolicy(true, "portal-admin@test.example", true, new BigDecimal("10.00"), PaymentApplication.AUTO_APPLY);
        try {
            intake.record(new ReceiptIntake.ProcessorFacts("pi_auto_" + UUID.randomUUID(), null, null, gbp("200.00"), null, null, null,
                    OffsetDateTime.now(), reference, null), "it");
        } finally {
            fixtures.firmWithPortalInvoicing(true);
        }
        Receipt receipt = receiptOfCheckout(reference);
        assertEquals(ReceiptState.ACCEPTED, receipt.state());
        assertEquals(ReceiptIntake.AUTO_APPLY, receipt.decidedBy());
        assertEquals(gbp("400.00"), billing.invoice(c.invoiceId()).balanceDue());

        // An uncertain one still waits for staff.
        settings.setPortalPolicy(true, "portal-admin@test.example", true, new BigDecimal("10.00"), PaymentApplication.AUTO_APPLY);
        try {
            assertEquals(ReceiptState.AWAITING_ACCEPTANCE, recordUnnamed(gbp("400.00"), "for " + billing.invoice(c.invoiceId()).number()).state());
        } finally {
            fixtures.firmWithPortalInvoicing(true);
        }
    }

    // --- the world ---------------------------------------------------------------------------



    private Receipt recordUnnamed(Money amount, String description) {
        String reference = "pi_it_" + UUID.randomUUID();
        intake.record(new ReceiptIntake.ProcessorFacts(reference, null, null, amount, null, null, null, OffsetDateTime.now(), null,
                description), "it");
        return intake.byPaymentReference(reference).orElseThrow();
    }

    /** A day long ago that no other test uses, so that counts are this test's own. */
    private static Instant quietPeriod() {
        return Instant.parse("2001-01-01T00:00:00Z").plus(ThreadLocalRandom.current().nextInt(0, 7_000), ChronoUnit.DAYS);
    }

    /** Settled card payments of 12.34 spread over the day, whose notifications never came. */
    private List<String> simulate(int count, Instant day) {
        List<SandboxClient.Charge> charges = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            charges.add(new SandboxClient.Charge(1234, "GBP", day.plusSeconds(i * 86_400L / count), null, Map.of(),
                    "Card payment " + i));
        }
        return SandboxClient.settle(charges);
    }

    private BatchStatus runToEnd(long execution) {
        Eventually.await("receipt import " + execution + " to end", JOB_WAIT, () -> !receiptImport.progress(execution).running());
        return receiptImport.progress(execution).status();
    }

    private long latestExecutionOf(long execution) {
        return ((Number) em.createNativeQuery("""
                        SELECT MAX(e.jobexecutionid) FROM job_execution e JOIN job_execution d ON d.jobinstanceid = e.jobinstanceid
                        WHERE d.jobexecutionid = ?""").setParameter(1, execution).getSingleResult()).longValue();
    }

    private long receiptsOf(List<String> settled) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM receipt WHERE settlement_id = ANY(CAST(? AS VARCHAR[]))")
                .setParameter(1, "{" + String.join(",", settled) + "}").getSingleResult()).longValue();
    }

    private Receipt receiptOfCheckout(String checkoutReference) {
        Long id = ((Number) em.createNativeQuery("""
                        SELECT r.id FROM receipt r JOIN receipt_allocation a ON a.receipt_id = r.id
                        JOIN portal_checkout_allocation ca ON ca.invoice_id = a.invoice_id
                        JOIN portal_checkout c ON c.id = ca.checkout_id WHERE c.reference = ? ORDER BY r.id DESC LIMIT 1""")
                .setParameter(1, checkoutReference).getSingleResult()).longValue();
        return receipts.receipt(id);
    }



    private long count(String sql, Instant from, Instant to) {
        return ((Number) em.createNativeQuery(sql)
                .setParameter(1, OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC))
                .setParameter(2, OffsetDateTime.ofInstant(to, java.time.ZoneOffset.UTC)).getSingleResult()).longValue();
    }

    private long count(String sql, Object parameter) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult()).longValue();
    }

    private static Money gbp(String amount) {
        return Money.of(amount, "GBP");
    }
}
