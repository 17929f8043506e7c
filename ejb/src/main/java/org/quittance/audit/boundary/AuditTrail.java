package org.quittance.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import org.quittance.audit.entity.AuditEvent;

import java.security.Principal;
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

    @Resource
    SessionContext context;

    @Inject
    HttpServletRequest request;

    public void record(String actor, String subject, Object subjectId, String action, String detail) {
        em.persist(new AuditEvent(OffsetDateTime.now(), actor, subject, String.valueOf(subjectId), action, detail));
    }

    /** Recorded as the signed-in staff user who made the change ("system" for the server's own work). */
    public void recordAsCaller(String subject, Object subjectId, String action, String detail) {
        record(caller(), subject, subjectId, action, detail);
    }

    /**
     * The user of the web request this call serves. The web applications authenticate against their own
     * security domains, whose identity the EJB container does not see (its caller is "anonymous"), so
     * the request's principal is asked; outside a web request (messages, timers, batch) it is "system".
     */
    public String caller() {
        try {
            Principal user = request.getUserPrincipal();
            if (user != null) {
                return user.getName();
            }
        } catch (ContextNotActiveException | IllegalStateException e) {
            // not serving a web request
        }
        String name = context.getCallerPrincipal().getName();
        return name == null || "anonymous".equals(name) ? "system" : name;
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
