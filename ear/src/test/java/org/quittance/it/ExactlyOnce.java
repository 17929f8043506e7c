package org.quittance.it;

import jakarta.batch.runtime.BatchStatus;
import jakarta.persistence.EntityManager;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.quittance.billing.boundary.Publishing;
import org.quittance.receipts.boundary.ReceiptImport;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a killed server must leave behind once the work it had is finished elsewhere or after its restart
 * (CrashIT, ClusterIT): an import with every payment one receipt, a publish run with each invoice published
 * once and one e-mail, every notification kept once and applied once. In-container, on the shared database.
 */
final class ExactlyOnce {

    private final EntityManager em;

    ExactlyOnce(EntityManager em) {
        this.em = em;
    }

    /** SIGKILL of the server whose command line names its base directory: no shutdown, no last commit. */
    static void kill(ContainerController controller, String server, String baseDirectory) {
        ProcessHandle wildfly = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(baseDirectory) && c.contains("jboss-modules")).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError(server + " is not running"));
        wildfly.destroyForcibly();
        wildfly.onExit().join();
        try {
            controller.kill(server);  // Arquillian's own bookkeeping: the process is gone already
        } catch (RuntimeException alreadyDead) {
            // stopping a dead server may report that it could not be reached; it is stopped all the same
        }
    }

    /** The interrupted import's instance continues to its end, and each payment of its period is one receipt. */
    void importEndsWithEveryPaymentOnce(ReceiptImport imports, long interruptedExecution, int payments, Duration within) {
        long instance = scalar("SELECT jobinstanceid FROM job_execution WHERE jobexecutionid = ?", interruptedExecution);
        ReceiptImport.Progress before = imports.progress(interruptedExecution);
        Eventually.await("the import continued to its end", within, () -> latestOf(imports, instance)
                .filter(p -> !p.running() && p.executionId() != before.executionId()).isPresent());
        assertEquals(BatchStatus.COMPLETED, latestOf(imports, instance).orElseThrow().status());
        Instant from = Instant.parse(before.from());
        Instant to = Instant.parse(before.to());
        assertEquals(payments, count("SELECT COUNT(*) FROM receipt WHERE received_at >= ? AND received_at < ?", from, to), "every payment once");
        assertEquals(payments, count("SELECT COUNT(DISTINCT settlement_id) FROM receipt WHERE received_at >= ? AND received_at < ?", from, to));
    }

    void publishRunEndsWithEachInvoiceOnce(Publishing publishing, long run, int invoices, Duration within) {
        Eventually.await("the publish run finished", within, () -> publishing.progress(run).finished());
        assertEquals(invoices, publishing.progress(run).published());
        // Those published before the kill whose wake-up died with the broker's memory are queued again by
        // the sweeper once they have waited two minutes.
        Eventually.await("every published version made", within, () -> scalar("""
                SELECT COUNT(*) FROM published_invoice p JOIN publish_run_item i ON i.invoice_id = p.invoice_id WHERE i.run_id = ?""", run) == invoices);
        assertEquals(0L, scalar("""
                SELECT COUNT(*) FROM (SELECT p.invoice_id FROM published_invoice p JOIN publish_run_item i ON i.invoice_id = p.invoice_id
                WHERE i.run_id = ? GROUP BY p.invoice_id HAVING COUNT(*) > 1) twice""", run), "no invoice published twice");
        Eventually.await("one e-mail per invoice and recipient", Duration.ofMinutes(2), () -> scalar("""
                SELECT COUNT(*) FROM mail_outbox m JOIN publish_run_item i ON m.message_key LIKE 'invoice-published:' || i.invoice_id || ':%'
                WHERE i.run_id = ?""", run) == invoices);
    }

    /**
     * Events evt_&lt;name&gt;_n, each paying pi_&lt;name&gt;_n, leave what an uninterrupted run leaves: each kept once
     * and applied once, one payment with one change, one receipt and one notice to the portal administrator each.
     */
    void notificationsAppliedOnce(String name, int events, Duration within) {
        String event = "evt_" + name + "_%";
        String payment = "pi_" + name + "_%";
        Eventually.await("every notification applied", within, () -> scalar("""
                SELECT COUNT(*) FROM payment_notification WHERE event_id LIKE ? AND outcome = 'APPLIED'""", event) == events);
        assertEquals(events, scalar("SELECT COUNT(*) FROM payment_notification WHERE event_id LIKE ?", event), "each kept once");
        assertEquals(events, scalar("SELECT COUNT(*) FROM processor_payment WHERE payment_intent LIKE ?", payment), "one payment each");
        assertEquals(events, scalar("""
                SELECT COUNT(*) FROM processor_payment_change c JOIN processor_payment p ON p.id = c.payment_id
                WHERE p.payment_intent LIKE ?""", payment), "each applied once");
        assertEquals(events, scalar("SELECT COUNT(*) FROM receipt WHERE payment_reference LIKE ?", payment), "one receipt each");
        Eventually.await("one notice to the portal administrator each", within, () -> scalar("""
                SELECT COUNT(*) FROM mail_outbox m JOIN processor_payment p ON m.message_key = 'payment-notice:' || p.id || ':SUCCEEDED'
                WHERE p.payment_intent LIKE ?""", payment) == events);
    }

    long scalar(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    private Optional<ReceiptImport.Progress> latestOf(ReceiptImport imports, long instance) {
        List<?> ids = em.createNativeQuery("SELECT jobexecutionid FROM job_execution WHERE jobinstanceid = ? ORDER BY jobexecutionid DESC LIMIT 1")
                .setParameter(1, instance).getResultList();
        return ids.stream().findFirst().map(id -> imports.progress(((Number) id).longValue()));
    }

    private long count(String sql, Instant from, Instant to) {
        return ((Number) em.createNativeQuery(sql)
                .setParameter(1, OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .setParameter(2, OffsetDateTime.ofInstant(to, ZoneOffset.UTC)).getSingleResult()).longValue();
    }
}
