package org.quittance.web.portal;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import org.quittance.billing.entity.PublishedInvoice;
import org.quittance.portal.boundary.PortalInvoices;

import java.util.List;

/** The signed-in client's published invoices (the portal home and invoice pages are built on it). */
@Named
@RequestScoped
public class InvoicesView {

    @EJB
    PortalInvoices invoices;

    private Long id;
    private PublishedInvoice invoice;

    public List<PublishedInvoice> getAll() {
        return invoices.visibleTo(login());
    }

    /** Not visible to this user and not existing look the same: 404. */
    public void load() throws java.io.IOException {
        invoice = id == null ? null : invoices.invoice(login(), id).orElse(null);
        if (invoice == null) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "No such invoice");
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    private static String login() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public PublishedInvoice getInvoice() { return invoice; }
}
