package org.quittance.web.portal;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
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
    private PortalInvoices.Shown shown;

    private List<PortalInvoices.Row> unpaid;
    private List<PortalInvoices.Row> paid;
    private List<PortalInvoices.Row> replaced;
    private PortalInvoices.Counts counts;

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

    /** The list shown (?tab=open|paid|replaced): only it is read and drawn. */
    public String getTab() {
        String tab = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("tab");
        return "paid".equals(tab) || "replaced".equals(tab) ? tab : "open";
    }

    /** The page of the list shown (?page=N), bounded: anything else is the first page. */
    public int getPage() {
        String value = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("page");
        return value != null && value.matches("[1-9]\\d{0,5}") ? Integer.parseInt(value) : 1;
    }

    private List<Long> awaiting() {
        return unpaid().stream().filter(PortalInvoices.Row::paid).map(PortalInvoices.Row::invoiceId).toList();
    }

    /** A page of the Paid tab, newest first. */
    public List<PortalInvoices.Row> getPaid() {
        if (paid == null) {
            paid = invoices.paid(login(), account.currentId(), awaiting(), (getPage() - 1) * PortalInvoices.PAGE);
        }
        return paid;
    }

    /** Replaced by a corrected invoice, or withdrawn: still viewable, never payable. */
    public List<PortalInvoices.Row> getReplaced() {
        if (replaced == null) {
            replaced = invoices.replaced(login(), account.currentId(), (getPage() - 1) * PortalInvoices.PAGE);
        }
        return replaced;
    }

    private PortalInvoices.Counts counts() {
        if (counts == null) {
            counts = invoices.counts(login(), account.currentId(), awaiting());
        }
        return counts;
    }

    public long getPaidCount() {
        return counts().paid();
    }

    public long getReplacedCount() {
        return counts().replaced();
    }

    /** How many pages a list of this many has. */
    public int pages(long total) {
        return (int) Math.max(1, (total + PortalInvoices.PAGE - 1) / PortalInvoices.PAGE);
    }

    public java.util.Collection<org.quittance.money.Money> getBalanceDue() {
        return PortalInvoices.balanceDue(unpaid()).values();
    }

    /** Not visible to this user and not existing look the same: 404. */
    public void load() throws java.io.IOException {
        shown = id == null ? null : invoices.shown(login(), id).orElse(null);
        if (shown != null) {
            account.choose(shown.row().clientId());
        } else {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "No such invoice");
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    private static String login() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    /** This invoice's row in the list: its balance after payments the processor confirmed. */
    public PortalInvoices.Row getRow() {
        return shown == null ? null : shown.row();
    }

    private org.quittance.billing.control.InvoiceDocument document;

    /** The published invoice, read from its immutable snapshot: lines and totals as the PDF shows them. */
    public org.quittance.billing.control.InvoiceDocument getDocument() {
        if (document == null) {
            try (var reader = org.quittance.platform.control.Jsons.reader(shown.snapshot())) {
                document = org.quittance.billing.control.InvoiceDocument.fromJson(reader.readObject());
            }
        }
        return document;
    }

    private List<org.quittance.payments.boundary.PortalPayments.Payment> paymentsOfInvoice;

    /** Read once a request: the page asks three times. */
    public List<org.quittance.payments.boundary.PortalPayments.Payment> getPayments() {
        if (paymentsOfInvoice == null) {
            paymentsOfInvoice = payments.ofInvoice(login(), id);
        }
        return paymentsOfInvoice;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
}
