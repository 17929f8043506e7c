package org.quittance.security.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.security.control.ThrottleRule;

import java.util.List;
import java.util.Locale;

/**
 * Counts attempts per subject in fixed windows, in PostgreSQL (one atomic upsert per attempt), so
 * that the count holds across requests, restarts and nodes. Its own transaction: a refused attempt
 * still counts, whatever the caller's transaction does.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Throttle {

    @PersistenceContext
    EntityManager em;

    /** Counts this attempt. @return whether it is allowed */
    public boolean attempt(ThrottleRule rule, String subject) {
        @SuppressWarnings("unchecked")
        List<Number> hits = em.createNativeQuery("""
                        INSERT INTO throttle AS t (scope, subject, window_start, hits) VALUES (?, ?, now(), 1)
                        ON CONFLICT (scope, subject) DO UPDATE SET
                            window_start = CASE WHEN t.window_start < now() - make_interval(secs => ?) THEN now() ELSE t.window_start END,
                            hits = CASE WHEN t.window_start < now() - make_interval(secs => ?) THEN 1 ELSE t.hits + 1 END
                        RETURNING hits""")
                .setParameter(1, rule.name()).setParameter(2, key(subject))
                .setParameter(3, rule.window().toSeconds()).setParameter(4, rule.window().toSeconds())
                .getResultList();
        return rule.allows(hits.get(0).intValue());
    }

    /** What the subject's next attempt meets (go, wait, or refused), without counting it. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ThrottleRule.Verdict next(ThrottleRule rule, String subject) {
        @SuppressWarnings("unchecked")
        List<Number> hits = em.createNativeQuery("""
                        SELECT hits FROM throttle WHERE scope = ? AND subject = ? AND window_start >= now() - make_interval(secs => ?)""")
                .setParameter(1, rule.name()).setParameter(2, key(subject)).setParameter(3, rule.window().toSeconds())
                .getResultList();
        return rule.next(hits.isEmpty() ? 0 : hits.get(0).intValue());
    }

    /** Old windows are no use to anyone: a nightly sweep keeps the table small. */
    @Schedule(hour = "3", minute = "17", persistent = false)
    public void forgetOldWindows() {
        em.createNativeQuery("DELETE FROM throttle WHERE window_start < now() - interval '1 day'").executeUpdate();
    }

    private static String key(String subject) {
        String s = subject == null ? "" : subject.strip().toLowerCase(Locale.ROOT);
        return s.length() > 320 ? s.substring(0, 320) : s;
    }
}
