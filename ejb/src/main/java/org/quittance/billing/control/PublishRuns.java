package org.quittance.billing.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.platform.control.ClusterNode;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The record of a "Publish selected" request: one row per invoice with its outcome, so that the
 * screen can show progress and reasons while the work goes on in the background. The one home of
 * the publish_run and publish_run_item tables.
 */
@Stateless
public class PublishRuns {

    public enum Outcome { PENDING, PUBLISHED, SKIPPED, FAILED }

    /** How a run stands: its invoices by outcome, whether it finished, and those not published (by client, then number). */
    public record Tally(int total, int published, int skipped, int failed, boolean finished, List<NotPublished> notPublished) {
    }

    public record NotPublished(long invoiceId, String number, String client, Outcome outcome, String reason) {
    }

    /** A run not marked finished, who started it (its work goes on in their name) and the node it was left by. */
    public record Unfinished(long runId, String startedBy, String stoppedNode) {
    }

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long create(Collection<Long> invoiceIds, String startedBy) {
        long runId = ((Number) em.createNativeQuery("""
                        INSERT INTO publish_run (id, started_by, started_at, version, node, renewed_at)
                        VALUES (nextval('publish_run_seq'), ?, now(), 0, ?, now()) RETURNING id""")
                .setParameter(1, startedBy).setParameter(2, ClusterNode.name()).getSingleResult()).longValue();
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

    /** An outcome of its own, for an invoice still pending: never over one that another node's worker recorded. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordAlone(long runId, long invoiceId, Outcome outcome, String reason) {
        em.createNativeQuery("UPDATE publish_run_item SET outcome = ?, reason = ? WHERE run_id = ? AND invoice_id = ? AND outcome = 'PENDING'")
                .setParameter(1, outcome.name()).setParameter(2, reason)
                .setParameter(3, runId).setParameter(4, invoiceId).executeUpdate();
    }

    public Tally tally(long runId) {
        @SuppressWarnings("unchecked")
        List<Object[]> counts = em.createNativeQuery("SELECT outcome, COUNT(*) FROM publish_run_item WHERE run_id = ? GROUP BY outcome")
                .setParameter(1, runId).getResultList();
        Map<Outcome, Integer> by = new EnumMap<>(Outcome.class);
        counts.forEach(row -> by.put(Outcome.valueOf((String) row[0]), ((Number) row[1]).intValue()));
        boolean finished = !em.createNativeQuery("SELECT 1 FROM publish_run WHERE id = ? AND finished_at IS NOT NULL")
                .setParameter(1, runId).getResultList().isEmpty();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT i.id, i.number, c.name, r.outcome, r.reason FROM publish_run_item r
                        JOIN invoice i ON i.id = r.invoice_id JOIN matter m ON m.id = i.matter_id JOIN client c ON c.id = m.client_id
                        WHERE r.run_id = ? AND r.outcome IN ('SKIPPED', 'FAILED') ORDER BY c.name, i.number""")
                .setParameter(1, runId).getResultList();
        List<NotPublished> notPublished = rows.stream().map(r -> new NotPublished(((Number) r[0]).longValue(), (String) r[1],
                (String) r[2], Outcome.valueOf((String) r[3]), (String) r[4])).toList();
        return new Tally(by.values().stream().mapToInt(Integer::intValue).sum(), by.getOrDefault(Outcome.PUBLISHED, 0),
                by.getOrDefault(Outcome.SKIPPED, 0), by.getOrDefault(Outcome.FAILED, 0), finished, notPublished);
    }

    /**
     * The unfinished runs this node takes on, in one statement that only one node can win for a run: those
     * whose node stopped renewing them for {@code lease}, and (at this node's start) its own.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Unfinished> takeOver(boolean ownToo, Duration lease) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        WITH left_behind AS (
                            SELECT id, node FROM publish_run
                            WHERE finished_at IS NULL
                              AND (renewed_at IS NULL OR renewed_at < now() - make_interval(secs => ?) OR (? AND node = ?))
                            FOR UPDATE SKIP LOCKED)
                        UPDATE publish_run r SET node = ?, renewed_at = now() FROM left_behind
                        WHERE r.id = left_behind.id
                        RETURNING r.id, r.started_by, coalesce(left_behind.node, ?)""")
                .setParameter(1, lease.toSeconds()).setParameter(2, ownToo).setParameter(3, ClusterNode.name())
                .setParameter(4, ClusterNode.name()).setParameter(5, ClusterNode.name()).getResultList();
        return rows.stream().map(r -> new Unfinished(((Number) r[0]).longValue(), (String) r[1], (String) r[2]))
                .sorted(Comparator.comparing(Unfinished::runId)).toList();
    }

    /** This node still works on its runs. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void renew() {
        em.createNativeQuery("UPDATE publish_run SET renewed_at = now() WHERE node = ? AND finished_at IS NULL")
                .setParameter(1, ClusterNode.name()).executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finish(long runId) {
        em.createNativeQuery("UPDATE publish_run SET finished_at = now() WHERE id = ?").setParameter(1, runId).executeUpdate();
    }
}
