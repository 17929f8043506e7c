package org.quittance.billing.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.billing.control.InvoiceDocument;
import org.quittance.billing.control.InvoicePdf;
import org.quittance.billing.entity.Invoice;
import org.quittance.billing.entity.InvoiceState;
import org.quittance.billing.entity.PublishedInvoice;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.firm.entity.Firm;
import org.quittance.mail.boundary.Mailer;
import org.quittance.money.Money;
import org.quittance.platform.control.PublicLinks;
import org.quittance.platform.control.Sha256;
import org.quittance.portal.entity.PortalUser;
import org.quittance.portal.entity.PortalUserState;
import org.quittance.security.entity.Roles;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Makes the published version of an invoice (snapshot, PDF and its SHA-256) and tells each recipient
 * by e-mail, with a link to the portal. Runs in the PublishedInvoices consumer's transaction; doing
 * it twice for the same invoice does nothing the second time (the version is unique per invoice, the
 * e-mails are keyed per invoice and recipient).
 */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
public class PublishedVersions {

    private static final Logger LOG = Logger.getLogger(PublishedVersions.class.getName());

    @PersistenceContext
    EntityManager em;

    @EJB
    FirmSettings firmSettings;

    @EJB
    Mailer mailer;

    @PermitAll  // the published-invoice consumer's work
    public void make(long invoiceId) {
        if (forInvoice(invoiceId).isPresent()) {
            LOG.fine(() -> "Invoice " + invoiceId + " already has its published version");
            return;
        }
        Invoice invoice = em.find(Invoice.class, invoiceId);
        if (invoice == null || invoice.state() == InvoiceState.DRAFT || invoice.state() == InvoiceState.FINAL) {
            // The message commits only with the state change, so this is a bug, not a race: let it dead-letter.
            throw new IllegalStateException("Invoice " + invoiceId + " is not published");
        }
        Firm firm = firmSettings.firm();
        String link = PublicLinks.portal("invoice.xhtml?id=" + invoiceId);
        InvoiceDocument document = InvoiceDocument.of(invoice, firm, link, null);
        byte[] pdf = InvoicePdf.render(document);

        Optional<PublishedInvoice> predecessor = publishedPredecessor(invoice);
        PublishedInvoice version = new PublishedInvoice(invoice, predecessor.map(p -> p.documentNo() + 1).orElse(1),
                document.toJson().toString(), pdf, Sha256.hex(pdf), OffsetDateTime.now());
        em.persist(version);
        em.flush();
        predecessor.ifPresent(p -> p.supersededBy(version));

        if (invoice.state() == InvoiceState.VOID) {
            return;  // voided before its message was consumed: keep the record, tell nobody
        }
        for (PortalUser recipient : invoice.matter().recipients()) {
            if (recipient.state() != PortalUserState.DISABLED) {
                notify(recipient, invoice, firm, link, predecessor);
            }
        }
    }

    public Optional<PublishedInvoice> forInvoice(long invoiceId) {
        return em.createQuery("SELECT p FROM PublishedInvoice p WHERE p.invoiceId = :id", PublishedInvoice.class)
                .setParameter("id", invoiceId).getResultStream().findFirst();
    }

    /** A published document as a list shows it: without its PDF bytes. */
    public record Document(Long id, String number, int documentNo, BigDecimal totalAmount, String currency,
                           OffsetDateTime publishedAt, Long supersededBy, String pdfSha256) implements java.io.Serializable {
        public Money total() {
            return Money.of(totalAmount, currency);
        }

        public boolean superseded() {
            return supersededBy != null;
        }
    }

    /** The newest published documents of a matter, superseded ones included, and how many it has in all. */
    public record Newest(List<Document> documents, long total) implements java.io.Serializable {
    }

    /** At most {@code limit} (1..100) of the matter's published documents, newest first: a matter of years has thousands. */
    public Newest ofMatter(long matterId, int limit) {
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("limit " + limit);
        }
        List<Document> newest = em.createQuery("""
                        SELECT NEW org.quittance.billing.boundary.PublishedVersions.Document(
                               p.id, p.number, p.documentNo, p.total, p.currency, p.publishedAt, p.supersededBy, p.pdfSha256)
                        FROM PublishedInvoice p WHERE p.matterId = :m ORDER BY p.publishedAt DESC, p.id DESC""", Document.class)
                .setParameter("m", matterId).setMaxResults(limit).getResultList();
        long total = newest.size() < limit ? newest.size()
                : em.createQuery("SELECT COUNT(p) FROM PublishedInvoice p WHERE p.matterId = :m", Long.class)
                .setParameter("m", matterId).getSingleResult();
        return new Newest(newest, total);
    }

    public Optional<PublishedInvoice> byId(long id) {
        return Optional.ofNullable(em.find(PublishedInvoice.class, id));
    }

    private void notify(PortalUser recipient, Invoice invoice, Firm firm, String link, Optional<PublishedInvoice> predecessor) {
        StringBuilder body = new StringBuilder()
                .append("Dear ").append(recipient.contact().name()).append(",\n\n")
                .append(firm.name()).append(" has published invoice ").append(invoice.number())
                .append(" for ").append(invoice.matter().number()).append(" (").append(invoice.matter().title()).append(").\n\n")
                .append("Amount due: ").append(firm.formats().money(invoice.balanceDue())).append("\n")
                .append("Due date:   ").append(firm.formats().longDate(invoice.dueDate())).append("\n\n");
        predecessor.ifPresent(p -> body.append("It replaces invoice ").append(p.number()).append(", which is now marked as superseded.\n\n"));
        body.append("View, download and pay it in your client portal:\n").append(link).append("\n\n");
        body.append(recipient.unregisteredNote());
        body.append("For your security this e-mail contains no attachment; the invoice is in the portal.\n\n").append(firm.name()).append("\n");
        mailer.queue("invoice-published:" + invoice.id() + ":" + recipient.id(), recipient.email(),
                "Invoice " + invoice.number() + " from " + firm.name(), body.toString());
    }

    /** The newest published version along the chain of invoices this one replaces. */
    private Optional<PublishedInvoice> publishedPredecessor(Invoice invoice) {
        for (Invoice earlier = invoice.replaces(); earlier != null; earlier = earlier.replaces()) {
            Optional<PublishedInvoice> published = forInvoice(earlier.id());
            if (published.isPresent()) {
                return published;
            }
        }
        return Optional.empty();
    }
}
