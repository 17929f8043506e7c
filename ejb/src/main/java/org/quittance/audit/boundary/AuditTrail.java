package org.quittance.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.audit.entity.AuditEvent;
import org.quittance.security.control.Roles;

import java.time.OffsetDateTime;
import java.util.List;

/** The audit trail: recorded in the transaction of the change it describes, so neither exists without the other. */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
public class AuditTrail {

    public static final String INVOICE = "Invoice";
    public static final String RECEIPT = "Receipt";
    public static final String SETTING = "Setting";
    public static final String CLIENT = "Client";
    public static final String BANK_FILE = "Bank file";
    public static final String PAYOUTS = "Payouts";
    public static final String STAFF = "Staff user";
    /** The actor of what the server does by itself. */
    public static final String SYSTEM = "system";

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    @PermitAll  // every change records itself, whoever makes it
    public void record(String actor, String subject, Object subjectId, String action, String detail) {
        em.persist(new AuditEvent(OffsetDateTime.now(), actor, subject, String.valueOf(subjectId), action, detail));
    }

    /** Recorded as the signed-in staff user who made the change ("system" for the server's own work). */
    @PermitAll
    public void recordAsCaller(String subject, Object subjectId, String action, String detail) {
        record(caller(), subject, subjectId, action, detail);
    }

    /**
     * The caller of the EJB that records: the signed-in staff user, whose identity the staff security
     * domain carries into the EJBs (the same identity that their @RolesAllowed checks); "system" for
     * the server's own work (messages, timers, batch jobs) and for anyone the staff domain does not know.
     */
    @PermitAll
    public String caller() {
        String name = context.getCallerPrincipal().getName();
        return name == null || "anonymous".equals(name) ? SYSTEM : name;
    }

    public List<AuditEvent> of(String subject, Object subjectId) {
        return em.createQuery("SELECT e FROM AuditEvent e WHERE e.subject = :s AND e.subjectId = :id ORDER BY e.at, e.id", AuditEvent.class)
                .setParameter("s", subject).setParameter("id", String.valueOf(subjectId)).getResultList();
    }

    /** The newest events, optionally of one subject kind, for the admins' audit screen. */
    @RolesAllowed(Roles.ADMIN)
    public List<AuditEvent> recent(String subject, int limit) {
        return em.createQuery("SELECT e FROM AuditEvent e WHERE :s IS NULL OR e.subject = :s ORDER BY e.at DESC, e.id DESC", AuditEvent.class)
                .setParameter("s", subject).setMaxResults(limit).getResultList();
    }
}
