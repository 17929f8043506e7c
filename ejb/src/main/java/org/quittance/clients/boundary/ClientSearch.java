package org.quittance.clients.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.platform.control.RuleViolation;
import org.quittance.platform.control.SqlValues;
import org.quittance.security.entity.Roles;

import java.util.List;
import java.util.Optional;

/**
 * Search as you type, for the pickers of the staff screens: a few clients or matters whose name,
 * number or title contains what was typed, those that start with it first, over trigram indexes, so
 * that a firm of tens of thousands of clients never sends them all to a browser.
 */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
public class ClientSearch {

    /** A client or matter as a picker shows it (kept in the view's state while a form is corrected: serializable). */
    public record Pick(long id, String label) implements java.io.Serializable {
    }

    /** How many a picker shows at a time: typing more narrows it. */
    public static final int PICKS = 12;
    private static final int MAX_TEXT = 100;

    @PersistenceContext
    EntityManager em;

    /** Clients whose name contains the text; archived ones too only when asked (their ledgers are history). */
    public List<Pick> clients(String text, boolean archivedToo) {
        String typed = bounded(text);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, name FROM client
                        WHERE lower(name) LIKE ? ESCAPE '\\' AND (archived_at IS NULL OR ?)
                        ORDER BY lower(name) LIKE ? ESCAPE '\\' DESC, name, id LIMIT ?""")
                .setParameter(1, SqlValues.containsPattern(typed)).setParameter(2, archivedToo)
                .setParameter(3, startsWith(typed)).setParameter(4, PICKS)
                .getResultList();
        return rows.stream().map(r -> new Pick(((Number) r[0]).longValue(), (String) r[1])).toList();
    }

    /** Matters of clients not archived whose number or title contains the text, or whose client's name does. */
    public List<Pick> matters(String text) {
        String typed = bounded(text);
        String contains = SqlValues.containsPattern(typed);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT m.id, m.number, m.title, c.name FROM matter m JOIN client c ON c.id = m.client_id
                        WHERE c.archived_at IS NULL
                          AND (lower(m.number || ' ' || m.title) LIKE ? ESCAPE '\\' OR lower(c.name) LIKE ? ESCAPE '\\')
                        ORDER BY lower(m.number) LIKE ? ESCAPE '\\' DESC, m.number, m.id LIMIT ?""")
                .setParameter(1, contains).setParameter(2, contains).setParameter(3, startsWith(typed)).setParameter(4, PICKS)
                .getResultList();
        return rows.stream().map(ClientSearch::matterPick).toList();
    }

    public Optional<Pick> client(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, name FROM client WHERE id = ?").setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(r -> new Pick(((Number) r[0]).longValue(), (String) r[1]));
    }

    public Optional<Pick> matter(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT m.id, m.number, m.title, c.name FROM matter m JOIN client c ON c.id = m.client_id WHERE m.id = ?""")
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(ClientSearch::matterPick);
    }

    private static Pick matterPick(Object[] r) {
        return new Pick(((Number) r[0]).longValue(), r[1] + " — " + r[2] + " (" + r[3] + ")");
    }

    private static String bounded(String text) {
        String typed = text == null ? "" : text.strip();
        if (typed.length() > MAX_TEXT) {
            throw new RuleViolation("Type at most " + MAX_TEXT + " characters to search.");
        }
        return typed;
    }

    private static String startsWith(String typed) {
        String contains = SqlValues.containsPattern(typed);
        return contains.substring(1);
    }
}
