package org.quittance.portal.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import org.quittance.billing.entity.PublishedInvoice;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The published invoices a signed-in portal user may see: those of the matters it receives invoices
 * for, and nothing else. Every query takes the user's login, so an id guessed from another client
 * finds nothing.
 */
@Stateless
public class PortalInvoices {

    private static final String VISIBLE = """
            p.matterId IN (SELECT m.id FROM Matter m JOIN m.recipients u
                           WHERE u.email = :login AND u.state = org.quittance.portal.entity.PortalUserState.REGISTERED)""";

    @PersistenceContext
    EntityManager em;

    public List<PublishedInvoice> visibleTo(@NotBlank String login) {
        return em.createQuery("SELECT p FROM PublishedInvoice p WHERE " + VISIBLE + " ORDER BY p.publishedAt DESC", PublishedInvoice.class)
                .setParameter("login", login.toLowerCase(Locale.ROOT))
                .getResultList();
    }

    /** The published version of an invoice, if this user may see it. */
    public Optional<PublishedInvoice> invoice(@NotBlank String login, long invoiceId) {
        return em.createQuery("SELECT p FROM PublishedInvoice p WHERE p.invoiceId = :id AND " + VISIBLE, PublishedInvoice.class)
                .setParameter("id", invoiceId)
                .setParameter("login", login.toLowerCase(Locale.ROOT))
                .getResultStream().findFirst();
    }
}
