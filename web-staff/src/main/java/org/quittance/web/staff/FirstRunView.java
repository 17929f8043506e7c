package org.quittance.web.staff;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.quittance.firm.boundary.FirstRunSetup;

import java.io.IOException;
import java.math.BigDecimal;

/** /start.xhtml: the one-time setup of an empty installation (the firm and its first administrator). */
@Named("firstRun")
@RequestScoped
public class FirstRunView {

    @EJB
    FirstRunSetup setup;

    private String code;
    private String firmName;
    private String address;
    private String firmEmail;
    private String currency = "GBP";
    private Integer termsDays = 30;
    private String numberFormat = "INV-{YYYY}-{SEQ:5}";
    private String taxLabel = "VAT";
    private BigDecimal taxRate = BigDecimal.ZERO;
    private String adminName;
    private String login;
    private String adminEmail;
    private String password;
    private String confirmation;

    public boolean isOpen() {
        return setup.open();
    }

    /** The sign-in page of an empty installation leads here: there is nobody to sign in yet. */
    public void toSetupWhileOpen() throws IOException {
        if (setup.open()) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + "/start.xhtml");
        }
    }

    public String complete() {
        if (password == null || !password.equals(confirmation)) {
            Feedback.error("The two passwords are not the same.");
            return null;
        }
        String from = ((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest()).getRemoteAddr();
        boolean done = Feedback.run(() -> setup.complete(code,
                new FirstRunSetup.FirmIdentity(firmName, address, firmEmail, currency == null ? null : currency.trim().toUpperCase(java.util.Locale.ROOT),
                        numberFormat, termsDays == null ? -1 : termsDays, taxLabel, taxRate),
                new FirstRunSetup.Administrator(adminName, login, adminEmail, password), from), null);
        return done ? "/login.xhtml?faces-redirect=true&setup=done" : null;
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getFirmName() { return firmName; }
    public void setFirmName(String firmName) { this.firmName = firmName; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getFirmEmail() { return firmEmail; }
    public void setFirmEmail(String firmEmail) { this.firmEmail = firmEmail; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public Integer getTermsDays() { return termsDays; }
    public void setTermsDays(Integer termsDays) { this.termsDays = termsDays; }
    public String getNumberFormat() { return numberFormat; }
    public void setNumberFormat(String numberFormat) { this.numberFormat = numberFormat; }
    public String getTaxLabel() { return taxLabel; }
    public void setTaxLabel(String taxLabel) { this.taxLabel = taxLabel; }
    public BigDecimal getTaxRate() { return taxRate; }
    public void setTaxRate(BigDecimal taxRate) { this.taxRate = taxRate; }
    public String getAdminName() { return adminName; }
    public void setAdminName(String adminName) { this.adminName = adminName; }
    public String getLogin() { return login; }
    public void setLogin(String login) { this.login = login; }
    public String getAdminEmail() { return adminEmail; }
    public void setAdminEmail(String adminEmail) { this.adminEmail = adminEmail; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
}
