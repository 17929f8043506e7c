package org.quittance.billing.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.billing.control.InvoiceDocument;
import org.quittance.billing.control.InvoicePdf;
import org.quittance.billing.entity.Invoice;
import org.quittance.billing.entity.InvoiceState;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.firm.entity.Firm;
import org.quittance.platform.control.PublicLinks;
import org.quittance.platform.control.RuleViolation;
import org.quittance.security.entity.Roles;

/** The PDF staff preview before publishing: drawn live, marked DRAFT or PREVIEW, never stored. */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
public class InvoicePreviews {

    @PersistenceContext
    EntityManager em;

    @EJB
    FirmSettings firmSettings;

    public byte[] pdf(long invoiceId) {
        Invoice invoice = em.find(Invoice.class, invoiceId);
        if (invoice == null) {
            throw new RuleViolation("Invoice " + invoiceId + " does not exist.");
        }
        Firm firm = firmSettings.firm();
        String watermark = switch (invoice.state()) {
            case DRAFT -> "DRAFT";
            case VOID -> "VOID";
            default -> "PREVIEW";
        };
        return InvoicePdf.render(InvoiceDocument.of(invoice, firm, PublicLinks.portal("invoice.xhtml?id=" + invoiceId), watermark));
    }
}
