package org.quittance.web.staff;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.quittance.audit.boundary.AuditTrail;

import java.io.Serializable;
import java.util.List;

/** Audit trail (administrators): who did what and when to invoices, receipts, clients and settings. Read only; nothing here changes it. */
@Named
@ViewScoped
public class AuditView implements Serializable {

    private static final int SHOWN = 1_000;

    @EJB
    transient AuditTrail trail;

    private String subject;
    private List<AuditTrail.Shown> events;

    @PostConstruct
    void init() {
        refresh();
    }

    public void refresh() {
        events = trail.recentShown(subject, SHOWN);
    }

    public List<String> getSubjects() {
        return List.of(AuditTrail.INVOICE, AuditTrail.RECEIPT, AuditTrail.CLIENT, AuditTrail.PORTAL, AuditTrail.STAFF, AuditTrail.SETTING,
                AuditTrail.BANK_FILE, AuditTrail.PAYOUTS);
    }

    public int getShown() { return SHOWN; }
    public List<AuditTrail.Shown> getEvents() { return events; }
    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
}
