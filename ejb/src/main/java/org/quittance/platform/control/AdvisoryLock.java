package org.quittance.platform.control;

import jakarta.persistence.EntityManager;

/**
 * A PostgreSQL transaction-scoped advisory lock on a named key: serialises work on one business key
 * (a checkout's idempotency key, a payment intent) without a row to lock yet. The namespace keeps two
 * features from hashing the same key into one lock (they share one database, and a sandbox request
 * made while the portal holds its lock would otherwise wait for itself).
 */
public final class AdvisoryLock {

    private AdvisoryLock() {
    }

    /** Waits for the lock; the transaction's end releases it. */
    public static void hold(EntityManager em, String namespace, String key) {
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?))) l")
                .setParameter(1, namespace + ":" + key).getSingleResult();
    }
}
