package org.quittance.billing.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.quittance.audit.boundary.AuditTrail;
import org.quittance.billing.control.InvoiceDocument;
import org.quittance.billing.control.InvoicePdf;
import org.quittance.billing.entity.Invoice;
import org.quittance.billing.entity.InvoiceState;
import org.quittance.billing.entity.PublishedInvoice;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.firm.entity.Firm;
import org.quittance.ledger.boundary.Statements;
import org.quittance.platform.control.PdfMerge;
import org.quittance.platform.control.PublicLinks;
import org.quittance.platform.control.RuleViolation;
import org.quittance.security.entity.Roles;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Print selected (Review): one PDF of the chosen invoices, by client, for the clients who get paper,
 * each client's statement of account after its invoices if asked; each invoice is then marked as sent
 * by post. A published invoice prints as its published version, exactly as the portal has it.
 */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
public class Printing {

    /** A print run's bound: a few hundred pages at most in one response. */
    public static final int MOST = 500;

    /** The merged PDF and what is in it. */
    public record Printed(byte[] pdf, int invoices, int statements) {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    FirmSettings firmSettings;

    @EJB
    PublishedVersions versions;

    @EJB
    Statements statements;

    @EJB
    AuditTrail audit;

    @Resource
    SessionContext context;

    /**
     * @param withStatements each client's statement of account after its invoices, since the first of last month
     */
    public Printed print(@NotEmpty @Size(max = MOST) Collection<@NotNull Long> invoiceIds, boolean withStatements) {
        LocalDate statementsFrom = withStatements ? LocalDate.now().minusMonths(1).withDayOfMonth(1) : null;
        List<Invoice> invoices = em.createQuery("""
                        SELECT i FROM Invoice i JOIN i.matter m JOIN m.client c WHERE i.id IN :ids
                        ORDER BY c.name, c.id, i.number""", Invoice.class)
                .setParameter("ids", List.copyOf(invoiceIds)).getResultList();
        if (invoices.size() != invoiceIds.stream().distinct().count()) {
            throw new RuleViolation("Some of the selected invoices no longer exist; filter again and select them anew.");
        }
        for (Invoice invoice : invoices) {
            if (invoice.state() == InvoiceState.DRAFT || invoice.state() == InvoiceState.VOID) {
                throw new RuleViolation("Invoice " + (invoice.number() == null ? invoice.id() : invoice.number()) + " is "
                        + invoice.state().label().toLowerCase() + ": only final invoices are printed.");
            }
        }
        Firm firm = firmSettings.firm();
        String by = context.getCallerPrincipal().getName();
        OffsetDateTime now = OffsetDateTime.now();
        List<byte[]> documents = new ArrayList<>();
        int printedStatements = 0;
        for (int i = 0; i < invoices.size(); i++) {
            Invoice invoice = invoices.get(i);
            documents.add(pdf(invoice, firm));
            invoice.markPosted(by, now);
            audit.recordAsCaller(AuditTrail.INVOICE, invoice.id(), "sent by post", invoice.number());
            Long client = invoice.matter().client().id();
            boolean lastOfClient = i + 1 == invoices.size() || !Objects.equals(invoices.get(i + 1).matter().client().id(), client);
            if (statementsFrom != null && lastOfClient) {
                documents.add(statements.pdfOfClient(client, statementsFrom, LocalDate.now()));
                printedStatements++;
            }
        }
        return new Printed(PdfMerge.merge(documents), invoices.size(), printedStatements);
    }

    private byte[] pdf(Invoice invoice, Firm firm) {
        if (invoice.publishedAt() != null) {
            return versions.forInvoice(invoice.id()).map(PublishedInvoice::pdf).orElseThrow();
        }
        // A client on paper is not sent to a portal it may not have.
        String link = invoice.matter().client().portalInvoices() ? PublicLinks.portal("invoice.xhtml?id=" + invoice.id()) : null;
        return InvoicePdf.render(InvoiceDocument.of(invoice, firm, link, null));
    }
}
