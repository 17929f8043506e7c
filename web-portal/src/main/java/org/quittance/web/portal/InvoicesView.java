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

    private List<PortalInvoices.Row> unpaid;
    private PortalInvoices.Page paid;
    private PortalInvoices.Page replaced;

    /** What the client owes on the firm's books (some perhaps paid through the portal already). */
    private List<PortalInvoices.Row> unpaid() {
        if (unpaid == null) {
            unpaid = invoices.unpaid(login(), account.currentId());
        }
        return unpaid;
    }

    public List<PortalInvoices.Row> getOpen() {
        return unpaid().stream().filter(PortalInvoices.Row::open).toList();
    }

    /** A page of the Paid tab (?paid=N), newest first. */
    public PortalInvoices.Page getPaid() {
        if (paid == null) {
            List<Long> awaiting = unpaid().stream().filter(PortalInvoices.Row::paid).map(PortalInvoices.Row::invoiceId).toList();
            paid = invoices.paid(login(), account.currentId(), awaiting, (getPaidPage() - 1) * PortalInvoices.PAGE);
        }
        return paid;
    }

    /** Replaced by a corrected invoice, or withdrawn: still viewable, never payable (?replaced=N). */
    public PortalInvoices.Page getReplaced() {
        if (replaced == null) {
            replaced = invoices.replaced(login(), account.currentId(), (getReplacedPage() - 1) * PortalInvoices.PAGE);
        }
        return replaced;
    }

    public int getPaidPage() {
        return page("paid");
    }

    public int getReplacedPage() {
        return page("replaced");
    }

    /** How many pages a list of this many has. */
    public int pages(long total) {
        return (int) Math.max(1, (total + PortalInvoices.PAGE - 1) / PortalInvoices.PAGE);
    }

    /** The tab to show: the one whose page was asked for, else Open. */
    public int getActiveTab() {
        return getReplacedPage() > 1 ? 2 : getPaidPage() > 1 ? 1 : 0;
    }

    /** A page number from the address, bounded: anything else is the first page. */
    private static int page(String parameter) {
        String value = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(parameter);
        return value != null && value.matches("[1-9]\\d{0,5}") ? Integer.parseInt(value) : 1;
    }

    public java.util.Collection<org.quittance.money.Money> getBalanceDue() {
        return PortalInvoices.balanceDue(unpaid()).values();
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

    private PortalInvoices.Row row;

    /** This invoice's row in the list: its balance after payments the processor confirmed. */
    public PortalInvoices.Row getRow() {
        if (row == null && id != null) {
            row = invoices.row(login(), id).orElse(null);
        }
        return row;
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
