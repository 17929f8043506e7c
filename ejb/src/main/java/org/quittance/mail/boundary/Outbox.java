package org.quittance.mail.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.mail.control.SmtpSettings;
import org.quittance.mail.entity.OutgoingMail;
import org.quittance.security.entity.Roles;

import java.time.OffsetDateTime;
import java.util.List;

/** What staff see of the outbox: every e-mail Quittance wrote, sent or not, newest first. */
@RolesAllowed(Roles.ADMIN)
@Stateless
public class Outbox {

    public record Entry(Long id, String recipient, String subject, String body, String state,
                        int attempts, String lastError, OffsetDateTime createdAt, OffsetDateTime sentAt) implements java.io.Serializable {

        /** The state in words for the outbox screen. */
        public String stateLabel() {
            return org.quittance.mail.entity.MailState.valueOf(state).label();
        }
    }

    @PersistenceContext
    EntityManager em;

    public List<Entry> latest(int max) {
        return latest(null, max);
    }

    /** The newest messages, to a recipient whose address contains {@code recipient} (ignoring case) when one is given. */
    public List<Entry> latest(String recipient, int max) {
        String search = recipient == null || recipient.isBlank() ? null
                : org.quittance.platform.control.SqlValues.containsPattern(recipient);
        if (search != null && search.length() > 330) {
            throw new org.quittance.platform.control.RuleViolation("Search for at most 320 characters of an address.");
        }
        var query = em.createQuery("SELECT m FROM OutgoingMail m" + (search == null ? "" : " WHERE LOWER(m.recipient) LIKE :q ESCAPE '\\'")
                + " ORDER BY m.id DESC", OutgoingMail.class);
        if (search != null) {
            query.setParameter("q", search);
        }
        return query.setMaxResults(max)
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
