package org.quittance.billing.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import org.quittance.audit.boundary.AuditTrail;
import org.quittance.billing.control.PublishRuns;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.platform.control.RuleViolation;
import org.quittance.security.control.Roles;

import java.util.List;
import java.util.Set;

/**
 * Review > Publish selected. Starting a run records the selection and returns at once; the
 * invoices are published in the background (see PublishWorker) while the screen polls
 * {@link #progress(long)}.
 */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
public class Publishing {

    @EJB
    AuditTrail audit;

    public record Skipped(Long invoiceId, String number, String client, String outcome, String reason) {
    }

    public record Progress(long runId, int total, int published, int skipped, int failed, boolean finished, List<Skipped> notPublished) {
        public int done() {
            return published + skipped + failed;
        }

        public int percent() {
            return total == 0 ? 100 : done() * 100 / total;
        }
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    PublishRuns runs;

    @EJB
    PublishWorker worker;

    @EJB
    FirmSettings firmSettings;

    /** @return the run to follow with {@link #progress(long)} */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long start(@NotNull Set<Long> invoiceIds) {
        String by = audit.caller();
        if (invoiceIds.isEmpty()) {
            throw new RuleViolation("Select at least one invoice to publish.");
        }
        if (!firmSettings.firm().portalInvoicing()) {
            throw new RuleViolation("Publishing to the portal is off for the firm. An administrator can turn it on in Setup > Firm > Billing and A/R.");
        }
        long runId = runs.create(invoiceIds, by);
        worker.process(runId, by);
        return runId;
    }

    public Progress progress(long runId) {
        @SuppressWarnings("unchecked")
        List<Object[]> counts = em.createNativeQuery("SELECT outcome, COUNT(*) FROM publish_run_item WHERE run_id = ? GROUP BY outcome")
                .setParameter(1, runId).getResultList();
        int total = 0, published = 0, skipped = 0, failed = 0;
        for (Object[] row : counts) {
            int n = ((Number) row[1]).intValue();
            total += n;
            switch (PublishRuns.Outcome.valueOf((String) row[0])) {
                case PUBLISHED -> published = n;
                case SKIPPED -> skipped = n;
                case FAILED -> failed = n;
                case PENDING -> { }
            }
        }
        boolean finished = !em.createNativeQuery("SELECT 1 FROM publish_run WHERE id = ? AND finished_at IS NOT NULL")
                .setParameter(1, runId).getResultList().isEmpty();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT i.id, i.number, c.name, r.outcome, r.reason FROM publish_run_item r
                        JOIN invoice i ON i.id = r.invoice_id JOIN matter m ON m.id = i.matter_id JOIN client c ON c.id = m.client_id
                        WHERE r.run_id = ? AND r.outcome IN ('SKIPPED', 'FAILED') ORDER BY c.name, i.number""")
                .setParameter(1, runId).getResultList();
        List<Skipped> notPublished = rows.stream()
                .map(r -> new Skipped(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4]))
                .toList();
        return new Progress(runId, total, published, skipped, failed, finished, notPublished);
    }
}
