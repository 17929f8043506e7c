package org.quittance.mail.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.mail.control.SmtpSettings;
import org.quittance.mail.entity.OutgoingMail;
import org.quittance.security.control.Roles;

import java.time.OffsetDateTime;
import java.util.List;

/** What staff see of the outbox: every e-mail Quittance wrote, sent or not, newest first. */
@RolesAllowed(Roles.ADMIN)
@Stateless
public class Outbox {

    public record Entry(Long id, String recipient, String subject, String body, String state,
                        int attempts, String lastError, OffsetDateTime createdAt, OffsetDateTime sentAt) {
    }

    @PersistenceContext
    EntityManager em;

    public List<Entry> latest(int max) {
        return em.createQuery("SELECT m FROM OutgoingMail m ORDER BY m.id DESC", OutgoingMail.class)
                .setMaxResults(max)
                .getResultStream()
                .map(m -> new Entry(m.id(), m.recipient(), m.subject(), m.body(), m.state().name(),
                        m.attempts(), m.lastError(), m.createdAt(), m.sentAt()))
                .toList();
    }

    /** Whether messages leave the outbox at all, or are only recorded there. */
    public boolean smtpConfigured() {
        return SmtpSettings.smtpConfigured();
    }
}
