package org.quittance.audit.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.audit.entity.AuditEvent;
import org.quittance.platform.control.CopyRows;
import org.quittance.security.entity.Roles;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

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
    /** A client's portal login, by its e-mail address. */
    public static final String PORTAL = "Portal login";
    /** The actor of what the server does by itself. */
    public static final String SYSTEM = "system";

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    /** The persistence unit's data source: within a transaction the same connection as the entity manager's. */
    @Resource(lookup = "java:jboss/datasources/QuittanceDS")
    DataSource dataSource;

    @PermitAll  // every change records itself, whoever makes it
    public void record(String actor, String subject, Object subjectId, String action, String detail) {
        em.persist(new AuditEvent(OffsetDateTime.now(), actor, subject, String.valueOf(subjectId), action, detail));
    }

    /**
     * Many events in one COPY, on the connection of the transaction: for an import's chunk, whose
     * rows are written together (see {@link CopyRows}).
     */
    @PermitAll
    public void recordAll(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            long[] ids = CopyRows.ids(connection, AuditEvent.ID_SEQUENCE, AuditEvent.ID_BLOCK, events.size());
            CopyRows rows = CopyRows.into("audit_event", "id", "at", "actor", "subject", "subject_id", "action", "detail");
            for (int i = 0; i < ids.length; i++) {
                AuditEvent e = events.get(i);
                rows.row(ids[i], e.at(), e.actor(), e.subject(), e.subjectId(), e.action(), e.detail());
            }
            rows.execute(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("The audit trail could not be written: " + e.getMessage(), e);
        }
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

    /** An event as the audit screen shows it: what it is about in words a person recognises (an invoice's number, a client's name). */
    public record Shown(AuditEvent event, String what) implements java.io.Serializable {
        public OffsetDateTime at() { return event.at(); }
        public String actor() { return event.actor(); }
        public String action() { return event.action(); }
        public String detail() { return event.detail(); }
    }

    /** {@link #recent}, each event saying what it is about by number or name instead of an internal id. */
    @RolesAllowed(Roles.ADMIN)
    public List<Shown> recentShown(String subject, int limit) {
        List<AuditEvent> events = recent(subject, limit);
        Map<String, Map<Long, String>> names = Map.of(
                INVOICE, names(events, INVOICE, "SELECT i.id, i.number FROM Invoice i WHERE i.id IN :ids"),
                CLIENT, names(events, CLIENT, "SELECT c.id, c.name FROM Client c WHERE c.id IN :ids"),
                RECEIPT, names(events, RECEIPT, "SELECT r.id, r.paymentReference FROM Receipt r WHERE r.id IN :ids"));
        return events.stream().map(e -> new Shown(e, describe(e, names.get(e.subject())))).toList();
    }

    private static String describe(AuditEvent e, Map<Long, String> names) {
        Long id = names == null ? null : id(e.subjectId());
        if (id == null) {
            return e.subject() + " " + e.subjectId();
        }
        String name = names.get(id);
        return switch (e.subject()) {
            case INVOICE -> name == null ? "Deleted draft invoice" : "Invoice " + name;
            case RECEIPT -> "Receipt " + (name == null ? "(no reference)" : name);
            default -> e.subject() + " " + (name == null ? e.subjectId() : name);
        };
    }

    /** id → number or name of the events' subjects of one kind, in one query. An invoice without a number is a draft. */
    private Map<Long, String> names(List<AuditEvent> events, String subject, String jpql) {
        List<Long> ids = events.stream().filter(e -> e.subject().equals(subject)).map(e -> id(e.subjectId()))
                .filter(java.util.Objects::nonNull).distinct().toList();
        Map<Long, String> names = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery(jpql, Object[].class).setParameter("ids", ids).getResultList()
                    .forEach(r -> names.put((Long) r[0], r[1] == null ? (INVOICE.equals(subject) ? "(draft)" : null) : (String) r[1]));
        }
        return names;
    }

    private static Long id(String subjectId) {
        try {
            return subjectId == null || subjectId.length() > 18 ? null : Long.valueOf(subjectId);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The newest events, optionally of one subject kind, for the admins' audit screen. */
    @RolesAllowed(Roles.ADMIN)
    public List<AuditEvent> recent(String subject, int limit) {
        return em.createQuery("SELECT e FROM AuditEvent e WHERE :s IS NULL OR e.subject = :s ORDER BY e.at DESC, e.id DESC", AuditEvent.class)
                .setParameter("s", subject).setMaxResults(limit).getResultList();
    }
}
