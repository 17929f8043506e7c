package org.quittance.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.audit.entity.AuditEvent;

import java.time.OffsetDateTime;
import java.util.List;

/** The audit trail: recorded in the transaction of the change it describes, so neither exists without the other. */
@Stateless
public class AuditTrail {

    public static final String INVOICE = "Invoice";
    public static final String RECEIPT = "Receipt";
    public static final String SETTING = "Setting";
    public static final String CLIENT = "Client";
    public static final String BANK_FILE = "Bank file";
    public static final String PAYOUTS = "Payouts";

    @PersistenceContext
    EntityManager em;

    public void record(String actor, String subject, Object subjectId, String action, String detail) {
        em.persist(new AuditEvent(OffsetDateTime.now(), actor, subject, String.valueOf(subjectId), action, detail));
    }

    public List<AuditEvent> of(String subject, Object subjectId) {
        return em.createQuery("SELECT e FROM AuditEvent e WHERE e.subject = :s AND e.subjectId = :id ORDER BY e.at, e.id", AuditEvent.class)
                .setParameter("s", subject).setParameter("id", String.valueOf(subjectId)).getResultList();
    }

    /** The newest events, optionally of one subject kind, for the admins' audit screen. */
    public List<AuditEvent> recent(String subject, int limit) {
        return em.createQuery("SELECT e FROM AuditEvent e WHERE :s IS NULL OR e.subject = :s ORDER BY e.at DESC, e.id DESC", AuditEvent.class)
                .setParameter("s", subject).setMaxResults(limit).getResultList();
    }
}
