package org.quittance.billing.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import org.quittance.audit.boundary.AuditTrail;
import org.quittance.billing.entity.Invoice;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.firm.entity.Firm;
import org.quittance.messaging.boundary.OutboundMessages;
import org.quittance.messaging.control.Queue;
import org.quittance.platform.control.RuleViolation;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Publishes one invoice: marks it published in the caller's transaction and, once that commits, wakes
 * the consumer of PublishedInvoices. The published invoice is the record of the work; a wake-up lost
 * in a crash is made good by {@link #waitingForConsumer} (its sweeper), so no two-phase commit between
 * PostgreSQL and the broker is paid per invoice (issue 18). The flush makes the optimistic version
 * check happen before anything else, so a concurrent publisher of the same invoice fails first.
 */
@Stateless
public class InvoicePublisher {

    public static final String MESSAGE_TYPE = "invoice-published";
    public static final String CONCURRENT = "Someone else published or changed it at the same moment.";

    @PersistenceContext
    EntityManager em;

    @EJB
    FirmSettings firmSettings;

    @EJB
    OutboundMessages outbound;

    @EJB
    PublishRuns runs;

    @EJB
    AuditTrail audit;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void publish(long runId, long invoiceId, String by) {
        publishInCallersTransaction(runId, invoiceId, by);
    }

    /** The same, in the caller's transaction (which decides whether any of it happens). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean publishInCallersTransaction(long runId, long invoiceId, String by) {
        Invoice invoice = em.find(Invoice.class, invoiceId);
        Firm firm = firmSettings.firm();
        Optional<String> refusal = PublishEligibility.refusal(invoice, firm);
        if (refusal.isPresent()) {
            runs.record(runId, invoiceId, PublishRuns.Outcome.SKIPPED, refusal.get());
            return false;
        }
        invoice.markPublished(by, OffsetDateTime.now());
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            // Expected when two staff publish the same invoice at once: the loser is told, not logged as a failure.
            throw new RuleViolation(CONCURRENT);
        }
        outbound.wakeAfterCommit(Queue.PUBLISHED_INVOICES, MESSAGE_TYPE, key(invoiceId), String.valueOf(invoiceId));
        runs.record(runId, invoiceId, PublishRuns.Outcome.PUBLISHED, null);
        audit.record(by, AuditTrail.INVOICE, invoiceId, "published", invoice.number() + " to the client portal");
        return true;
    }

    /** The message's key: the consumer applies each invoice's publication once by it. */
    public static String key(long invoiceId) {
        return MESSAGE_TYPE + ":" + invoiceId;
    }

    /**
     * Invoices published between an hour and {@code olderThan} ago whose publication no consumer has
     * processed, nor failed on (a failure waits for staff in Messages): their wake-up was lost. At most 500.
     */
    public List<Long> waitingForConsumer(Duration olderThan) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                        SELECT i.id FROM invoice i
                        WHERE i.published_at >= now() - interval '1 hour' AND i.published_at < now() - make_interval(secs => ?)
                          AND NOT EXISTS (SELECT 1 FROM processed_message p WHERE p.queue = ? AND p.message_key = ? || i.id)
                          AND NOT EXISTS (SELECT 1 FROM message_failure f WHERE f.queue = ? AND f.message_key = ? || i.id)
                        ORDER BY i.id LIMIT 500""")
                .setParameter(1, olderThan.toSeconds())
                .setParameter(2, Queue.PUBLISHED_INVOICES.queueName()).setParameter(3, MESSAGE_TYPE + ":")
                .setParameter(4, Queue.PUBLISHED_INVOICES.queueName()).setParameter(5, MESSAGE_TYPE + ":")
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** Queues the publication again, kept on disk and in the caller's transaction. */
    public void redrive(long invoiceId) {
        outbound.send(Queue.PUBLISHED_INVOICES, MESSAGE_TYPE, key(invoiceId), String.valueOf(invoiceId));
    }
}
