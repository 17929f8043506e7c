package org.quittance.audit.entity;

import jakarta.persistence.*;

import java.time.OffsetDateTime;

/** Who did what, and when, to an invoice, a receipt or a setting. Append-only: nothing here changes. */
@Entity
@Table(name = "audit_event")
public class AuditEvent implements java.io.Serializable {

    /** The sequence of event ids, which hands them out in blocks of {@link #ID_BLOCK}. */
    public static final String ID_SEQUENCE = "audit_event_seq";
    public static final int ID_BLOCK = 50;

    @Id
    @SequenceGenerator(name = "audit_event_seq", sequenceName = ID_SEQUENCE, allocationSize = ID_BLOCK)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
    private Long id;

    @Column(nullable = false, updatable = false)
    private OffsetDateTime at;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Column(name = "subject_id", nullable = false, updatable = false)
    private String subjectId;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(updatable = false)
    private String detail;

    protected AuditEvent() {
    }

    public AuditEvent(OffsetDateTime at, String actor, String subject, String subjectId, String action, String detail) {
        this.at = at;
        this.actor = actor;
        this.subject = subject;
        this.subjectId = subjectId;
        this.action = action;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 997) + "...";
    }

    public Long id() { return id; }
    public OffsetDateTime at() { return at; }
    public String actor() { return actor; }
    public String subject() { return subject; }
    public String subjectId() { return subjectId; }
    public String action() { return action; }
    public String detail() { return detail; }
}
