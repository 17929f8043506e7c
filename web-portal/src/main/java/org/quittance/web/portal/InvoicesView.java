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

    @EJB
    org.quittance.payments.boundary.PortalPayments payments;

    @jakarta.inject.Inject
    AccountView account;

    private Long id;
    private PublishedInvoice invoice;

    private List<PortalInvoices.Row> rows;

    private List<PortalInvoices.Row> rows() {
        if (rows == null) {
            rows = invoices.rows(login(), account.currentId());
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
        if (invoice != null) {
            account.choose(invoice.clientId());
        }
        if (invoice == null) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "No such invoice");
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    private static String login() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    /** This invoice's row in the list: its balance after payments the processor confirmed. */
    public PortalInvoices.Row getRow() {
        return rows().stream().filter(r -> r.invoiceId().equals(id)).findFirst().orElse(null);
    }

    private org.quittance.billing.control.InvoiceDocument document;

    /** The published invoice, read from its immutable snapshot: lines and totals as the PDF shows them. */
    public org.quittance.billing.control.InvoiceDocument getDocument() {
        if (document == null) {
            try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(invoice.snapshot()))) {
                document = org.quittance.billing.control.InvoiceDocument.fromJson(reader.readObject());
            }
        }
        return document;
    }

    public List<org.quittance.payments.boundary.PortalPayments.Payment> getPayments() {
        return payments.ofInvoice(login(), id);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public PublishedInvoice getInvoice() { return invoice; }
}
