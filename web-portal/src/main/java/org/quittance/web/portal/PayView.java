package org.quittance.web.portal;

import org.quittance.billing.control.OpenInvoice;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.quittance.money.Money;
import org.quittance.payments.boundary.PortalPayments;
import org.quittance.payments.control.PaymentAmounts;
import org.quittance.payments.entity.BillingAddress;
import org.quittance.platform.boundary.DisplayFormats;
import org.quittance.platform.control.RuleViolation;

import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Pay Now: the amount for each chosen invoice (the balance preset; a part where the firm allows it),
 * a total that can be spread oldest-due first, the billing address, then the processor's page.
 */
@Named
@ViewScoped
public class PayView implements Serializable {

    /** One invoice on the pay page and the amount the client types for it. */
    public static class Line implements Serializable {
        private final OpenInvoice invoice;
        private BigDecimal amount;

        Line(OpenInvoice invoice) {
            this.invoice = invoice;
            this.amount = invoice.balance().amount();
        }

        public Long getInvoiceId() { return invoice.invoiceId(); }
        public String getNumber() { return invoice.number(); }
        public LocalDate getDueDate() { return invoice.dueDate(); }
        public Money getBalance() { return invoice.balance(); }
        public BigDecimal getAmount() { return amount; }
        public void setAmount(BigDecimal amount) { this.amount = amount; }
    }

    @EJB
    PortalPayments payments;

    @Inject
    DisplayFormats fmt;

    @EJB
    org.quittance.portal.boundary.PortalInvoices portalInvoices;

    @Inject
    AccountView account;

    private String invoices;
    private String balance;
    private final String idempotencyKey = UUID.randomUUID().toString();
    private List<Line> lines;
    private boolean partialAllowed;
    private Money minimum;
    private String clientName;
    private String currency;
    private BigDecimal total;
    private String name, line1, line2, city, postcode, country;

    public void load() throws IOException {
        if (lines != null) {
            return;  // postback in the same view
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        // "invoices=3,5" from a link, or one "invoices" per ticked box from the invoice list's form
        String[] values = faces.getExternalContext().getRequestParameterValuesMap().get("invoices");
        String joined = values == null ? invoices : String.join(",", values);
        List<Long> ids;
        if (isWholeBalance()) {
            // Pay Now under the Balance Due box: every open invoice that makes up the balance in that currency.
            ids = account.currentId() == null ? List.of()
                    : org.quittance.portal.boundary.PortalInvoices.makingUpTheBalance(portalInvoices.unpaid(login(), account.currentId()), balance);
            if (ids.isEmpty()) {
                lines = List.of();
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Nothing is owed now: thank you.", null));
                return;
            }
        } else {
            ids = chosen(joined);
        }
        if (ids.isEmpty()) {
            lines = List.of();
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, "Tick the invoices you want to pay, then press Pay selected.", null));
            return;
        }
        try {
            var payable = payments.payable(login(), ids).orElse(null);
            if (payable == null) {
                faces.getExternalContext().responseSendError(404, "No such invoice to pay");
                faces.responseComplete();
                return;
            }
            lines = new ArrayList<>(payable.invoices().stream().sorted(Comparator.comparing(OpenInvoice::dueDate)).map(Line::new).toList());
            partialAllowed = payable.policy().partialAllowed();
            minimum = payable.policy().minimum();
            clientName = payable.clientName();
            currency = payable.total().currency();
            total = payable.total().amount();
            BillingAddress a = payable.prefill();
            name = a.name(); line1 = a.line1(); line2 = a.line2(); city = a.city(); postcode = a.postcode(); country = a.country();
        } catch (RuleViolation e) {
            lines = List.of();
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
    }

    private static List<Long> chosen(String joined) {
        try {
            return Arrays.stream(joined == null ? new String[0] : joined.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .map(Long::valueOf).distinct().toList();
        } catch (NumberFormatException e) {
            return List.of();
        }
    }

    /** Spreads the typed total over the invoices, oldest due first. */
    public void spread() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            Money amount = org.quittance.platform.control.Amounts.exact(total == null ? BigDecimal.ZERO : total, currency, "Total");
            Map<OpenInvoice, Money> spread = PaymentAmounts.spread(amount, lines.stream().map(l -> l.invoice).toList(), fmt.formats());
            for (Line line : lines) {
                Money part = spread.get(line.invoice);
                line.setAmount(part == null ? BigDecimal.ZERO : part.amount());
            }
        } catch (IllegalArgumentException | RuleViolation e) {
            faces.addMessage("pay:total", new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
    }

    public void continueToPayment() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        Map<Long, BigDecimal> amounts = new LinkedHashMap<>();
        for (Line line : lines) {
            amounts.put(line.getInvoiceId(), partialAllowed ? line.getAmount() : line.getBalance().amount());
        }
        try {
            String url = payments.startCheckout(login(), idempotencyKey, amounts,
                    new BillingAddress(trim(name), trim(line1), trim(line2), trim(city), trim(postcode), country));
            faces.getExternalContext().redirect(url);
        } catch (RuleViolation e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
    }

    public BigDecimal getSelectedTotal() {
        return lines == null ? BigDecimal.ZERO : lines.stream().map(l -> l.getAmount() == null ? BigDecimal.ZERO : l.getAmount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Countries by their English name, the client's own first. */
    public List<Map.Entry<String, String>> getCountries() {
        Collator collator = Collator.getInstance(Locale.UK);
        return Arrays.stream(Locale.getISOCountries())
                .map(code -> Map.entry(new Locale("", code).getDisplayCountry(Locale.UK), code))
                .sorted(Map.Entry.comparingByKey(collator))
                .toList();
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private static String login() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    /** Paying toward the whole balance in one currency (?balance=GBP), rather than chosen invoices. */
    public boolean isWholeBalance() {
        return balance != null && balance.matches("[A-Z]{3}");
    }

    public String getBalance() { return balance; }
    public void setBalance(String balance) { this.balance = balance; }
    public String getInvoices() { return invoices; }
    public void setInvoices(String invoices) { this.invoices = invoices; }
    public List<Line> getLines() { return lines; }
    public boolean isPartialAllowed() { return partialAllowed; }
    public Money getMinimum() { return minimum; }
    public String getClientName() { return clientName; }
    public String getCurrency() { return currency; }
    public BigDecimal getTotal() { return total; }
    public void setTotal(BigDecimal total) { this.total = total; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getLine1() { return line1; }
    public void setLine1(String line1) { this.line1 = line1; }
    public String getLine2() { return line2; }
    public void setLine2(String line2) { this.line2 = line2; }
    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
    public String getPostcode() { return postcode; }
    public void setPostcode(String postcode) { this.postcode = postcode; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
}
