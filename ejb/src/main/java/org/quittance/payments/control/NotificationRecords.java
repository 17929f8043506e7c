package org.quittance.payments.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.payments.entity.PaymentState;
import org.quittance.payments.processor.VerifiedNotification;
import org.quittance.platform.control.SqlValues;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.ArrayList;

/**
 * The one home of the notification tables: {@code payment_notification} (each processor event kept
 * once, with its outcome) and {@code processor_payment_change} (what each applied notification did to
 * its payment). Native SQL on purpose: "keep once" is an insert that does nothing on conflict, and
 * re-driving claims rows with SKIP LOCKED.
 */
@Stateless
public class NotificationRecords {

    public static final String RECEIVED = "RECEIVED";
    public static final String APPLIED = "APPLIED";
    public static final String IGNORED = "IGNORED";
    /** A notification that contradicts what is known: recorded at once, never retried. */
    public static final String CONFLICT = "CONFLICT";

    /** A kept notification as its consumer reads it. */
    public record Kept(String processor, byte[] payload, String outcome) {
    }

    /** A notification to queue again. */
    public record Waiting(long id, String processor, String eventId) {
    }

    /** A notification that contradicts the books, for staff to look into. */
    public record Conflict(String eventId, String type, OffsetDateTime receivedAt, String reason) {
    }

    @PersistenceContext
    EntityManager em;

    /**
     * Keeps each notification once, in one transaction of its own when the caller has none (the
     * webhook's): the row is the record of the work, committed before any consumer is woken.
     * @return those kept now (the others were kept before)
     */
    public List<Waiting> keepAll(String processor, List<VerifiedNotification> events) {
        List<Waiting> kept = new ArrayList<>();
        for (VerifiedNotification event : events) {
            @SuppressWarnings("unchecked")
            List<Number> inserted = em.createNativeQuery("""
                            INSERT INTO payment_notification (id, processor, event_id, event_type, payload, signed_at, received_at)
                            VALUES (nextval('payment_notification_seq'), ?, ?, ?, ?, ?, now())
                            ON CONFLICT (processor, event_id) DO NOTHING RETURNING id""")
                    .setParameter(1, processor).setParameter(2, event.eventId()).setParameter(3, event.type())
                    .setParameter(4, event.payload()).setParameter(5, OffsetDateTime.ofInstant(event.signedAt(), ZoneOffset.UTC))
                    .getResultList();
            inserted.stream().findFirst().ifPresent(id -> kept.add(new Waiting(id.longValue(), processor, event.eventId())));
        }
        return kept;
    }

    /** Claims up to 500 notifications still unapplied after this long, counting one more re-drive for each. */
    public List<Waiting> claimWaiting(Duration waitingLongerThan, int maxRedrives) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        UPDATE payment_notification SET redriven = redriven + 1
                        WHERE id IN (SELECT id FROM payment_notification
                                     WHERE outcome = 'RECEIVED' AND received_at < now() - make_interval(secs => ?) AND redriven < ?
                                     ORDER BY id LIMIT 500 FOR UPDATE SKIP LOCKED)
                        RETURNING id, processor, event_id""")
                .setParameter(1, waitingLongerThan.toSeconds()).setParameter(2, maxRedrives)
                .getResultList();
        return rows.stream().map(r -> new Waiting(((Number) r[0]).longValue(), (String) r[1], (String) r[2])).toList();
    }

    /** The notification, locked until the consumer's transaction ends: one consumer applies it. */
    public Kept lock(long id) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT processor, payload, outcome FROM payment_notification WHERE id = ? FOR UPDATE")
                .setParameter(1, id).getSingleResult();
        return new Kept((String) row[0], (byte[]) row[1], (String) row[2]);
    }

    public void outcome(long id, String outcome, String reason) {
        em.createNativeQuery("UPDATE payment_notification SET outcome = ?, outcome_reason = ?, processed_at = now() WHERE id = ?")
                .setParameter(1, outcome).setParameter(2, reason).setParameter(3, id).executeUpdate();
    }

    /** What the notification did to its payment, once per payment and notification. */
    public void change(long paymentId, long notificationId, PaymentState after) {
        em.createNativeQuery("""
                        INSERT INTO processor_payment_change (payment_id, notification_id, state_after, changed_at)
                        VALUES (?, ?, ?, now()) ON CONFLICT DO NOTHING""")
                .setParameter(1, paymentId).setParameter(2, notificationId).setParameter(3, after.name())
                .executeUpdate();
    }

    public long changes(long paymentId) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM processor_payment_change WHERE payment_id = ?")
                .setParameter(1, paymentId).getSingleResult()).longValue();
    }

    public long count(String eventId) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM payment_notification WHERE event_id = ?")
                .setParameter(1, eventId).getSingleResult()).longValue();
    }

    public String latestOutcome(String eventId) {
        @SuppressWarnings("unchecked")
        List<String> outcomes = em.createNativeQuery("SELECT outcome FROM payment_notification WHERE event_id = ? ORDER BY id DESC LIMIT 1")
                .setParameter(1, eventId).getResultList();
        return outcomes.isEmpty() ? null : outcomes.get(0);
    }

    public List<Conflict> conflicts(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT event_id, event_type, received_at, outcome_reason FROM payment_notification
                        WHERE outcome = ? ORDER BY received_at DESC LIMIT ?""")
                .setParameter(1, CONFLICT).setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new Conflict((String) r[0], (String) r[1], SqlValues.timestamp(r[2]), (String) r[3])).toList();
    }
}
