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

    @jakarta.inject.Inject
    org.quittance.platform.boundary.DisplayFormats fmt;

    /**
     * A row of the home's lists as it is drawn, formatted once: the busiest page draws a client's 25
     * or more rows at every visit, and each {@code #{fmt.…}} in a row costs a bean lookup and a call
     * through its proxy (benchmarks/README.md).
     */
    public record Line(Long id, String number, String matter, String issued, String due, String total, String balance,
                       String tone, String status, boolean paidOutsidePortal) {

        static Line of(PortalInvoices.Row row, org.quittance.platform.control.Formats formats) {
            return new Line(row.invoiceId(), row.number(), row.matter(), formats.date(row.issueDate()), formats.date(row.dueDate()),
                    formats.money(row.total()), formats.money(row.balance()), row.tone(), row.status(), row.paidOutsidePortal());
        }
    }

    private Long id;
    private PortalInvoices.Shown shown;

    private List<PortalInvoices.Row> unpaid;
    private List<Line> open;
    private PortalInvoices.Page listed;
    private List<Line> listedLines;

    /** What the client owes on the firm's books (some perhaps paid through the portal already). */
    private List<PortalInvoices.Row> unpaid() {
        if (unpaid == null) {
            unpaid = invoices.unpaid(login(), account.currentId());
        }
        return unpaid;
    }

    public List<Line> getOpen() {
        if (open == null) {
            open = lines(unpaid().stream().filter(PortalInvoices.Row::open).toList());
        }
        return open;
    }

    private List<Line> lines(List<PortalInvoices.Row> rows) {
        org.quittance.platform.control.Formats formats = fmt.formats();
        return rows.stream().map(row -> Line.of(row, formats)).toList();
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

    /**
     * The page shown of the Paid tab (newest first) or of the Replaced tab (replaced by a corrected
     * invoice, or withdrawn: still viewable, never payable), whichever is shown: read once a request.
     */
    private PortalInvoices.Page listed() {
        if (listed == null) {
            int first = (getPage() - 1) * PortalInvoices.PAGE;
            listed = "paid".equals(getTab())
                    ? invoices.paid(login(), account.currentId(), awaiting(), first)
                    : invoices.replaced(login(), account.currentId(), first);
        }
        return listed;
    }

    public List<Line> getListed() {
        if (listedLines == null) {
            listedLines = lines(listed().rows());
        }
        return listedLines;
    }

    /** Whether an older page follows the one shown: the pager's Older link. */
    public boolean isOlder() {
        return listed().older();
    }

    /** The Replaced tab is shown when it holds something, and always while it is the one shown. */
    public boolean isReplacedTab() {
        return "replaced".equals(getTab()) || invoices.anyReplaced(login(), account.currentId());
    }

    private java.util.Collection<org.quittance.money.Money> balanceDue;

    /** Summed once a request: the page asks for it four times. */
    public java.util.Collection<org.quittance.money.Money> getBalanceDue() {
        if (balanceDue == null) {
            balanceDue = PortalInvoices.balanceDue(unpaid()).values();
        }
        return balanceDue;
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
