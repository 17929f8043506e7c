package org.quittance.billing.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Collection;
import java.util.List;

/**
 * The record of a "Publish selected" request: one row per invoice with its outcome, so that the
 * screen can show progress and reasons while the work goes on in the background.
 */
@Stateless
public class PublishRuns {

    public enum Outcome { PENDING, PUBLISHED, SKIPPED, FAILED }

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long create(Collection<Long> invoiceIds, String startedBy) {
        long runId = ((Number) em.createNativeQuery("""
                        INSERT INTO publish_run (id, started_by, started_at, version)
                        VALUES (nextval('publish_run_seq'), ?, now(), 0) RETURNING id""")
                .setParameter(1, startedBy).getSingleResult()).longValue();
        for (Long invoiceId : invoiceIds) {
            em.createNativeQuery("""
                            INSERT INTO publish_run_item (run_id, invoice_id, outcome)
                            SELECT ?, id, 'PENDING' FROM invoice WHERE id = ? ON CONFLICT DO NOTHING""")
                    .setParameter(1, runId).setParameter(2, invoiceId).executeUpdate();
        }
        return runId;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> pending(long runId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT invoice_id FROM publish_run_item WHERE run_id = ? AND outcome = 'PENDING' ORDER BY invoice_id")
                .setParameter(1, runId).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** In the caller's transaction: the outcome commits or rolls back with the publication itself. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(long runId, long invoiceId, Outcome outcome, String reason) {
        em.createNativeQuery("UPDATE publish_run_item SET outcome = ?, reason = ? WHERE run_id = ? AND invoice_id = ?")
                .setParameter(1, outcome.name()).setParameter(2, reason)
                .setParameter(3, runId).setParameter(4, invoiceId).executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordAlone(long runId, long invoiceId, Outcome outcome, String reason) {
        record(runId, invoiceId, outcome, reason);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finish(long runId) {
        em.createNativeQuery("UPDATE publish_run SET finished_at = now() WHERE id = ?").setParameter(1, runId).executeUpdate();
    }
}
