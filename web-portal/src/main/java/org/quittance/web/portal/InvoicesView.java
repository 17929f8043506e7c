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

    private List<PortalInvoices.Row> rows;

    private List<PortalInvoices.Row> rows() {
        if (rows == null) {
            rows = invoices.rows(login());
        }
        return rows;
    }

    public List<PortalInvoices.Row> getOpen() {
        return rows().stream().filter(PortalInvoices.Row::open).toList();
    }

    public List<PortalInvoices.Row> getPaid() {
        return rows().stream().filter(PortalInvoices.Row::paid).toList();
    }

    /** Replaced by a corrected invoice, or withdrawn: still viewable, never payable. */
    public List<PortalInvoices.Row> getReplaced() {
        return rows().stream().filter(r -> r.superseded() || r.state() == org.quittance.billing.entity.InvoiceState.VOID).toList();
    }

    public java.util.Collection<org.quittance.money.Money> getBalanceDue() {
        return PortalInvoices.balanceDue(rows()).values();
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
