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

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Publishes one invoice: marks it published and puts its message on PublishedInvoices in one
 * transaction. The flush before the send makes the optimistic version check happen first, so a
 * concurrent publisher of the same invoice fails before anything is sent.
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
        outbound.send(Queue.PUBLISHED_INVOICES, MESSAGE_TYPE, MESSAGE_TYPE + ":" + invoiceId, String.valueOf(invoiceId));
        runs.record(runId, invoiceId, PublishRuns.Outcome.PUBLISHED, null);
        audit.record(by, AuditTrail.INVOICE, invoiceId, "published", invoice.number() + " to the client portal");
        return true;
    }
}
