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
import org.quittance.money.Money;
import org.quittance.platform.control.RuleViolation;
import org.quittance.receipts.boundary.InterruptedImports;
import org.quittance.receipts.boundary.ReceiptImport;
import org.quittance.receipts.boundary.ReceiptIntake;
import org.quittance.bankfiles.boundary.BankFiles;
import org.quittance.bankfiles.boundary.SettlementFiles;
import org.quittance.receipts.entity.PaymentMethod;
import org.quittance.receipts.entity.Receipt;
import org.quittance.receipts.entity.ReceiptSource;
import org.quittance.receipts.entity.ReceiptState;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A settlement file uploaded from the processor's dashboard, imported by the settlement-file-import job:
 * its card payments become integrated receipts with fee, net and payout; a payment already known from
 * its notification is completed, not duplicated; refunds and payouts are not receipts; the same file
 * uploaded again imports nothing; a file that does not add up is refused with its line and kept nowhere.
 */
@ExtendWith(ArquillianExtension.class)
class SettlementFileIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.quittanceWith(SettlementFileIT.class);
    }

    @EJB BillingFixtures fixtures;
    @EJB SettlementFiles settlementFiles;
    @EJB BankFiles bankFiles;
    @EJB InterruptedImports interruptedImports;
    @EJB ReceiptImport receiptImport;
    @EJB ReceiptIntake intake;

    @PersistenceContext(unitName = "quittance")
    EntityManager em;

    private String run;

    @BeforeEach
    void firm() {
        fixtures.firmWithPortalInvoicing(true);
        run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @Test
    void itsPaymentsBecomeReceiptsOnceAndTheSameFileAgainImportsNothing() {
        // The first payment's notification was recorded; the file then brings what only the settlement knows.
        intake.record(new ReceiptIntake.ProcessorFacts("pi_" + run + "a", null, null, Money.of("480.00", "GBP"), null, null, null,
                OffsetDateTime.now(), null, "Payment"), "payment notification");
        byte[] file = csv(
                row("a", "2026-11-20 09:14:02", "480.00", "7.40", "472.60", "charge", "pi_" + run + "a"),
                row("b", "2026-11-20 11:40:55", "250.00", "3.95", "246.05", "charge", "pi_" + run + "b"),
                row("c", "2026-11-20 12:00:00", "99.99", "1.70", "98.29", "charge", "pi_" + run + "c"),
                row("d", "2026-11-21 16:02:10", "-50.00", "0.00", "-50.00", "refund", "pi_" + run + "a"),
                row("e", "2026-11-22 00:05:00", "-767.94", "0.00", "-767.94", "payout", ""));

        SettlementFiles.Upload upload = settlementFiles.upload("balance-" + run + ".csv", new ByteArrayInputStream(file));
        assertEquals(5, upload.transactions());
        assertEquals(3, upload.payments());
        Eventually.await("the settlement file import", Duration.ofMinutes(1), () -> !receiptImport.progress(upload.executionId()).running());
        ReceiptImport.Progress progress = receiptImport.progress(upload.executionId());
        assertEquals(BatchStatus.COMPLETED, progress.status());
        assertEquals(5, progress.read());
        assertEquals(2, progress.skipped(), "the refund and the payout are not receipts");

        Receipt known = intake.byPaymentReference("pi_" + run + "a").orElseThrow();
        assertEquals(Money.of("7.40", "GBP"), known.fee(), "the notified payment got its settlement facts");
        assertEquals("txn_" + run + "a", known.settlementId());
        Receipt fromFile = intake.byPaymentReference("pi_" + run + "b").orElseThrow();
        assertEquals(Money.of("246.05", "GBP"), fromFile.net());
        assertEquals("po_" + run, fromFile.payout());
        // Written with its chunk's others by COPY, it reads back through the entity as the entity would have written it.
        assertEquals(ReceiptSource.PROCESSOR, fromFile.source());
        assertEquals(PaymentMethod.CARD, fromFile.method());
        assertEquals(Money.of("250.00", "GBP"), fromFile.gross());
        assertEquals(Money.of("3.95", "GBP"), fromFile.fee());
        assertEquals("txn_" + run + "b", fromFile.settlementId());
        assertEquals("ch_" + run + "b", fromFile.chargeReference());
        assertEquals("Payment, \"b\"", fromFile.description(), "quotes and commas kept");
        assertEquals(OffsetDateTime.parse("2026-11-20T11:40:55Z").toInstant(), fromFile.receivedAt().toInstant());
        assertEquals(ReceiptState.AWAITING_ACCEPTANCE, fromFile.state());
        assertNotNull(fromFile.matchKind());
        assertNotNull(fromFile.matchReason());
        assertEquals(Money.zero("GBP"), fromFile.refunded());
        assertFalse(fromFile.disputed());
        assertNotNull(fromFile.createdAt());
        assertEquals(1L, count("SELECT COUNT(*) FROM audit_event WHERE subject = 'Receipt' AND action = 'received' AND subject_id = ?",
                String.valueOf(fromFile.id())), "its arrival is in the audit trail");
        assertEquals(3L, count("SELECT COUNT(*) FROM receipt WHERE payment_reference LIKE ?", "pi_" + run + "%"), "one receipt per payment");
        assertEquals(5L, count("SELECT COUNT(*) FROM settlement_line WHERE file_id = CAST(? AS BIGINT)", String.valueOf(upload.fileId())),
                "the file is kept line by line");
        long lines = count("SELECT COUNT(*) FROM settlement_line", null);

        SettlementFiles.Upload again = settlementFiles.upload("balance-copy.csv", new ByteArrayInputStream(file));
        assertTrue(again.before());
        assertEquals(upload.executionId(), again.executionId(), "no second run");
        assertEquals(lines, count("SELECT COUNT(*) FROM settlement_line", null), "nor its lines kept twice");
        assertEquals(3L, count("SELECT COUNT(*) FROM receipt WHERE payment_reference LIKE ?", "pi_" + run + "%"));
    }

    @Test
    void aFileKeptWithoutARunGetsItsRunWhenItIsSentAgain() {
        byte[] file = csv(
                row("a", "2026-11-20 09:14:02", "480.00", "7.40", "472.60", "charge", "pi_" + run + "a"),
                row("b", "2026-11-20 11:40:55", "250.00", "3.95", "246.05", "charge", "pi_" + run + "b"),
                row("c", "2026-11-20 12:00:00", "99.99", "1.70", "98.29", "charge", "pi_" + run + "c"));
        // As a server stopped between keeping the file and starting its run leaves it: kept, with no run.
        SettlementFiles.Kept kept = settlementFiles.keep("stranded-" + run + ".csv", new ByteArrayInputStream(file), "test");
        assertEquals(0L, kept.executionId());

        BankFiles.Imported again = bankFiles.importAny("stranded-again.csv", new ByteArrayInputStream(file));
        assertTrue(again.summary().endsWith("; the import runs now (run " + again.executionId() + ")."), again.summary());
        Eventually.await("the second run", Duration.ofMinutes(1), () -> !receiptImport.progress(again.executionId()).running());
        assertEquals(BatchStatus.COMPLETED, receiptImport.progress(again.executionId()).status());
        assertEquals(3L, count("SELECT COUNT(*) FROM receipt WHERE payment_reference LIKE ?", "pi_" + run + "%"), "its payments imported now");
        SettlementFiles.Upload third = settlementFiles.upload("stranded-third.csv", new ByteArrayInputStream(file));
        assertEquals(kept.fileId(), third.fileId());
        assertTrue(third.before());
        assertEquals(again.executionId(), third.executionId(), "once it has its run, the same file again starts none");
    }

    /**
     * Two nodes: an import whose node stopped renewing its lease is taken over by another node's sweep and
     * finished from its checkpoint, once; an import whose node still renews its lease is left alone.
     */
    @Test
    void anImportOfADeadNodeIsRestartedByAnotherAndOneOfALiveNodeIsLeftAlone() {
        SettlementFiles.Upload dead = settlementFiles.upload("dead-node-" + run + ".csv", new ByteArrayInputStream(csv(
                row("a", "2026-11-20 09:14:02", "480.00", "7.40", "472.60", "charge", "pi_" + run + "a"),
                row("b", "2026-11-20 11:40:55", "250.00", "3.95", "246.05", "charge", "pi_" + run + "b"))));
        SettlementFiles.Upload alive = settlementFiles.upload("live-node-" + run + ".csv", new ByteArrayInputStream(csv(
                row("c", "2026-11-20 12:00:00", "99.99", "1.70", "98.29", "charge", "pi_" + run + "c"))));
        for (SettlementFiles.Upload upload : List.of(dead, alive)) {
            Eventually.await("the import", Duration.ofMinutes(1), () -> !receiptImport.progress(upload.executionId()).running());
            assertEquals(0L, count("SELECT COUNT(*) FROM job_lease WHERE execution_id = CAST(? AS BIGINT)", String.valueOf(upload.executionId())),
                    "a finished run gives its lease back");
        }
        // As the database stands when a node dies mid-run: still STARTED, with the lease of the node that ran it.
        long deadRun = fixtures.asLeftByACrash(dead.executionId(), "node-gone");
        long aliveRun = fixtures.asLeftByACrash(alive.executionId(), "node-alive");
        fixtures.execute("UPDATE job_lease SET renewed_at = now() - interval '2 minutes' WHERE execution_id = ?", deadRun);
        try {
            interruptedImports.sweep();

            assertEquals("FAILED", text("SELECT batchstatus FROM job_execution WHERE jobexecutionid = ?", deadRun));
            String reason = text("SELECT exitstatus FROM job_execution WHERE jobexecutionid = ?", deadRun);
            assertTrue(reason.startsWith("INTERRUPTED: the node running this import (node-gone) stopped; restarted on "), reason);
            Eventually.await("the restart on this node", Duration.ofMinutes(1), () -> count("""
                    SELECT COUNT(*) FROM job_execution e JOIN job_execution d ON d.jobinstanceid = e.jobinstanceid
                    WHERE d.jobexecutionid = CAST(? AS BIGINT) AND e.jobexecutionid > d.jobexecutionid AND e.batchstatus = 'COMPLETED'""",
                    String.valueOf(deadRun)) == 1);
            assertEquals(2L, count("SELECT COUNT(*) FROM receipt WHERE payment_reference IN ('pi_" + run + "a', 'pi_" + run + "b')", null), "each payment once");
            assertEquals(0L, count("SELECT COUNT(*) FROM job_lease WHERE node = 'node-gone'", null));

            assertEquals("STARTED", text("SELECT batchstatus FROM job_execution WHERE jobexecutionid = ?", aliveRun), "a live node's import is its own");
        } finally {
            fixtures.execute("UPDATE job_execution SET batchstatus = 'ABANDONED', endtime = now() WHERE jobexecutionid = ?", aliveRun);
            fixtures.execute("UPDATE step_execution SET batchstatus = 'ABANDONED' WHERE jobexecutionid = ?", aliveRun);
            fixtures.execute("DELETE FROM job_lease WHERE node IN ('node-gone', 'node-alive')");
        }
    }

    private String text(String sql, long id) {
        return (String) em.createNativeQuery(sql).setParameter(1, id).getSingleResult();
    }

    @Test
    void aFileThatDoesNotAddUpIsRefusedWithItsLineAndKeptNowhere() {
        byte[] file = csv(row("a", "2026-11-20 09:14:02", "480.00", "7.40", "472.60", "charge", "pi_" + run + "a"),
                row("b", "2026-11-20 11:40:55", "250.00", "3.95", "246.15", "charge", "pi_" + run + "b"));
        long files = count("SELECT COUNT(*) FROM settlement_file", null);
        long lines = count("SELECT COUNT(*) FROM settlement_line", null);

        RuleViolation refused = assertThrows(RuleViolation.class, () -> settlementFiles.upload("bad.csv", new ByteArrayInputStream(file)));

        assertEquals("bad.csv was not imported. Line 3: gross GBP 250.00 less fee GBP 3.95 is not the net GBP 246.15.", refused.getMessage());
        assertEquals(files, count("SELECT COUNT(*) FROM settlement_file", null));
        assertEquals(lines, count("SELECT COUNT(*) FROM settlement_line", null), "not even the good first line");
        assertEquals(0L, count("SELECT COUNT(*) FROM receipt WHERE payment_reference LIKE ?", "pi_" + run + "%"), "not even the good first row");
    }

    @Test
    void aTransactionTwiceIsRefusedAtItsSecondLineAfterTheWholeFileStreamedIn() {
        byte[] file = csv(row("a", "2026-11-20 09:14:02", "480.00", "7.40", "472.60", "charge", "pi_" + run + "a"),
                row("b", "2026-11-20 11:40:55", "250.00", "3.95", "246.05", "charge", "pi_" + run + "b"),
                row("c", "2026-11-20 12:00:00", "99.99", "1.70", "98.29", "charge", "pi_" + run + "c"),
                row("b", "2026-11-20 11:40:55", "250.00", "3.95", "246.05", "charge", "pi_" + run + "b"),
                row("a", "2026-11-20 09:14:02", "480.00", "7.40", "472.60", "charge", "pi_" + run + "a"));
        long lines = count("SELECT COUNT(*) FROM settlement_line", null);

        RuleViolation refused = assertThrows(RuleViolation.class, () -> settlementFiles.upload("twice.csv", new ByteArrayInputStream(file)));

        assertEquals("twice.csv was not imported. Line 5: transaction txn_" + run + "b appears twice (also on line 3).", refused.getMessage());
        assertEquals(lines, count("SELECT COUNT(*) FROM settlement_line", null), "nothing of it kept");
        assertEquals(0L, count("SELECT COUNT(*) FROM receipt WHERE payment_reference LIKE ?", "pi_" + run + "%"));
    }

    private String row(String suffix, String created, String gross, String fee, String net, String category, String paymentIntent) {
        return String.join(",", "txn_" + run + suffix, created, "gbp", gross, fee, net, category, "ch_" + run + suffix,
                "\"Payment, \"\"" + suffix + "\"\"\"", "po_" + run, paymentIntent);
    }

    private static byte[] csv(String... rows) {
        return ("balance_transaction_id,created_utc,currency,gross,fee,net,reporting_category,source_id,description,automatic_payout_id,"
                + "payment_intent_id\r\n" + String.join("\r\n", rows) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private long count(String sql, String parameter) {
        var query = em.createNativeQuery(sql);
        if (parameter != null) {
            query.setParameter(1, parameter);
        }
        return ((Number) query.getSingleResult()).longValue();
    }
}
