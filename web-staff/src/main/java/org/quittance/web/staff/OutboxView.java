package org.quittance.web.staff;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.quittance.mail.boundary.Outbox;

import java.io.Serializable;
import java.util.List;

/** Backs the Outbox page: the latest e-mails Quittance wrote. */
@Named
@ViewScoped
public class OutboxView implements Serializable {

    @EJB
    Outbox outbox;

    private List<Outbox.Entry> entries;
    private boolean smtpConfigured;

    @PostConstruct
    void load() {
        entries = outbox.latest(500);
        smtpConfigured = outbox.smtpConfigured();
    }

    public List<Outbox.Entry> getEntries() {
        return entries;
    }

    public boolean isSmtpConfigured() {
        return smtpConfigured;
    }
}
