package org.quittance.web.staff;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.quittance.billing.boundary.PublishedVersions;
import org.quittance.clients.boundary.ClientDirectory;
import org.quittance.clients.entity.Client;
import org.quittance.clients.entity.Matter;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.portal.boundary.PortalAccess;
import org.quittance.staff.entity.StaffUser;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** Setup > Clients > one client: Contact Info (with the Portal field) and Matters (with recipients). */
@Named
@ViewScoped
public class ClientView implements Serializable {

    @EJB
    transient ClientDirectory directory;

    @EJB
    transient PortalAccess portals;

    @EJB
    transient PublishedVersions versions;

    @EJB
    transient FirmSettings firmSettings;

    @EJB
    transient org.quittance.ledger.boundary.Statements statements;

    /** A matter of years has thousands of published documents: the page lists the newest, the ledger has them all. */
    static final int NEWEST_DOCUMENTS = 10;

    private Long id;
    private int tab;
    private java.time.LocalDate statementFrom = java.time.LocalDate.now().minusMonths(1).withDayOfMonth(1);
    private java.time.LocalDate statementTo = java.time.LocalDate.now();
    private Client client;
    private List<ClientDirectory.ContactRow> contacts;
    private List<Matter> matters;
    private boolean portalInvoices;
    private boolean reminders;
    // Keyed by matter id. Faces cannot see the element type through a Map, so values arrive as
    // strings (or, for the checkboxes, an array or list of strings) and are parsed here.
    private final Map<Long, Object> recipientSelection = new HashMap<>();
    private final Map<Long, String> rateStaff = new HashMap<>();
    private final Map<Long, String> rateAmount = new HashMap<>();
    // Per matter, loaded once per change instead of by every EL evaluation of the page.
    private final Map<Long, List<ClientDirectory.Recipient>> possibleRecipients = new HashMap<>();
    private final Map<Long, PublishedVersions.Newest> documents = new HashMap<>();
    private final Map<Long, List<String>> rates = new HashMap<>();
    private List<StaffUser> staff = List.of();

    private String newContactName, newContactEmail;
    private boolean newContactBilling;
    private String clientName, clientAddress;
    private org.quittance.clients.entity.ClientKind clientKind;
    private Long editingContact;
    private String editContactName, editContactEmail;
    private String matterNumber, matterTitle, matterCurrency;
    private BigDecimal matterRate;
    private Long matterResponsible;
    private List<ClientDirectory.Recipient> portalUsers = List.of();
    private List<String> matterRecipients = new java.util.ArrayList<>();
    private Long editingMatter;
    private String editMatterTitle, editMatterCurrency;
    private BigDecimal editMatterRate;
    private Long editMatterResponsible;

    public void load() {
        if (id == null) {
            Feedback.error("No client was chosen.");
            return;
        }
        client = Feedback.attempt(() -> directory.client(id), null);
        if (client == null) {
            return;
        }
        portalInvoices = client.portalInvoices();
        reminders = client.reminders();
        clientName = client.name();
        clientKind = client.kind();
        clientAddress = client.address();
        contacts = directory.contacts(id);
        matters = directory.matters(id);
        staff = directory.staff();
        ClientDirectory.NewMatterRecipients newMatter = directory.newMatterRecipients(id);
        portalUsers = newMatter.offered();
        if (matterCurrency == null) {
            matterCurrency = firmSettings.firm().defaultCurrency();
        }
        if (matterNumber == null && matterTitle == null) {
            matterRecipients = newMatter.ticked().stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        }
        recipientSelection.clear();
        possibleRecipients.clear();
        documents.clear();
        rates.clear();
        for (Matter m : matters) {
            possibleRecipients.put(m.id(), directory.possibleRecipients(m.id()));
            documents.put(m.id(), versions.ofMatter(m.id(), NEWEST_DOCUMENTS));
            rates.put(m.id(), staff.stream()
                    .filter(s -> m.staffRates().containsKey(s.id()))
                    .map(s -> s.displayName() + " " + m.rateFor(s))
                    .toList());
            recipientSelection.put(m.id(), directory.recipients(m.id()).stream().map(r -> String.valueOf(r.portalUserId())).collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new)));
        }
    }

    public void saveClient() {
        Feedback.run(() -> directory.updateClient(id, clientName, clientKind, clientAddress), "Client details saved.");
        load();
    }

    public void editContact(ClientDirectory.ContactRow row) {
        editingContact = row.id();
        editContactName = row.name();
        editContactEmail = row.email();
    }

    public void saveContact() {
        String outcome = Feedback.attempt(() -> directory.updateContact(editingContact, editContactName, editContactEmail), null);
        if (outcome != null) {
            Feedback.info(("Contact saved. " + outcome).strip());
            editingContact = null;
        }
        load();
    }

    public void cancelContact() {
        editingContact = null;
    }

    public void addPortal(Long contactId) {
        if (Feedback.attempt(() -> portals.addPortal(contactId), null) == null) {
            return;
        }
        load();
        contacts.stream().filter(c -> c.id().equals(contactId)).findFirst().ifPresent(c -> Feedback.info(c.shared()
                ? c.email() + " already signs in to the portal for " + String.join(", ", c.alsoServes())
                  + ": the same login now shows this client's invoices too, and its holder was told by e-mail."
                : c.portalState() == org.quittance.portal.entity.PortalUserState.REGISTERED
                  ? "Portal enabled again: " + c.name() + " signs in with the same password."
                  : "Portal created: a registration e-mail is on its way (see Outbox)."));
    }

    public void removePortal(Long contactId) {
        String outcome = Feedback.attempt(() -> portals.removePortal(contactId), null);
        if (outcome != null) {
            Feedback.info(outcome);
        }
        load();
    }

    public void archive() {
        if (Feedback.run(() -> directory.archiveClient(id), client.name() + " is archived: it is off the lists and cannot be billed.")) {
            load();
        }
    }

    public void restore() {
        Feedback.run(() -> directory.restoreClient(id), client.name() + " is back on the lists.");
        load();
    }

    public void editMatter(Matter matter) {
        editingMatter = matter.id();
        editMatterTitle = matter.title();
        editMatterCurrency = matter.currency();
        editMatterRate = matter.hourlyRate().amount();
        editMatterResponsible = matter.responsible() == null ? null : matter.responsible().id();
    }

    public void saveMatter() {
        String outcome = Feedback.attempt(() -> directory.updateMatter(editingMatter, editMatterTitle, editMatterCurrency,
                editMatterRate, editMatterResponsible), null);
        if (outcome != null) {
            Feedback.info(("Matter saved. " + outcome).strip());
            editingMatter = null;
        }
        load();
    }

    public void cancelMatter() {
        editingMatter = null;
    }

    public void resend(Long portalUserId) {
        Feedback.run(() -> portals.resendInvitation(portalUserId), "A new registration link was sent; the old one no longer works.");
        load();
    }

    public void savePortalInvoices() {
        Feedback.run(() -> directory.setPortalInvoices(id, portalInvoices),
                portalInvoices ? "Portal invoices enabled for " + client.name() + "." : "Portal invoices disabled for " + client.name() + ".");
        load();
    }

    public void makeBilling(Long contactId) {
        Feedback.run(() -> directory.makeBillingContact(contactId), "Billing contact changed.");
        load();
    }

    public void addContact() {
        if (Feedback.run(() -> directory.addContact(id, newContactName, newContactEmail, newContactBilling), "Contact added.")) {
            newContactName = newContactEmail = null;
            newContactBilling = false;
        }
        load();
    }

    public void addMatter() {
        java.util.Set<Long> recipients = matterRecipients.stream().map(Long::valueOf).collect(java.util.stream.Collectors.toSet());
        if (Feedback.run(() -> directory.addMatter(id, matterNumber, matterTitle, matterCurrency, matterRate, matterResponsible, recipients),
                "Matter added.")) {
            matterNumber = matterTitle = null;
            matterRate = null;
            matterCurrency = null;
        }
        load();
    }

    public void saveRecipients(Long matterId) {
        Object selected = recipientSelection.get(matterId);
        List<?> values = selected instanceof Object[] array ? List.of(array)
                : selected instanceof java.util.Collection<?> c ? List.copyOf(c) : List.of();
        HashSet<Long> ids = new HashSet<>();
        values.forEach(v -> ids.add(Long.valueOf(String.valueOf(v))));
        Feedback.run(() -> directory.setRecipients(matterId, ids), "Recipients saved.");
        load();
    }

    public void saveRate(Long matterId) {
        String staff = rateStaff.get(matterId);
        if (staff == null || staff.isBlank()) {
            Feedback.error("Choose the staff member whose rate to set.");
            return;
        }
        Long staffId = Long.valueOf(staff);
        String typed = rateAmount.get(matterId);
        BigDecimal rate;
        org.quittance.platform.control.Formats formats = firmSettings.formats();
        try {
            rate = typed == null || typed.isBlank() ? null : formats.parse(typed);
        } catch (IllegalArgumentException e) {
            Feedback.error("The rate must be a number such as " + formats.editable(new BigDecimal("250.00")) + ".");
            return;
        }
        Feedback.run(() -> directory.setStaffRate(matterId, staffId, rate),
                rate == null ? "Rate removed: the matter's default rate applies." : "Rate saved.");
        rateAmount.remove(matterId);
        load();
    }

    /** The matter's rate table in words: "Alex Whitlock GBP 260.00". */
    public List<String> rates(Matter matter) {
        return rates.getOrDefault(matter.id(), List.of());
    }

    public List<ClientDirectory.Recipient> possibleRecipients(Long matterId) {
        return possibleRecipients.getOrDefault(matterId, List.of());
    }

    public PublishedVersions.Newest documents(Long matterId) {
        return documents.getOrDefault(matterId, new PublishedVersions.Newest(List.of(), 0));
    }

    public void saveReminders() {
        Feedback.run(() -> directory.setReminders(id, reminders), reminders ? "Payment reminders on." : "Payment reminders off for this client.");
        load();
    }

    /** The statement as a PDF download; a period out of bounds is said on the page instead. */
    public void downloadStatement() throws java.io.IOException {
        byte[] pdf = Feedback.attempt(() -> statements.pdfOfClient(id, statementFrom, statementTo), null);
        if (pdf == null) {
            return;
        }
        org.quittance.platform.boundary.PdfDownload.send(jakarta.faces.context.FacesContext.getCurrentInstance(), pdf,
                "statement-" + id + "-" + statementFrom + "-" + statementTo + ".pdf");
    }

    public java.time.LocalDate getStatementFrom() { return statementFrom; }
    public void setStatementFrom(java.time.LocalDate v) { this.statementFrom = v; }
    public java.time.LocalDate getStatementTo() { return statementTo; }
    public void setStatementTo(java.time.LocalDate v) { this.statementTo = v; }

    public boolean isReminders() { return reminders; }
    public void setReminders(boolean reminders) { this.reminders = reminders; }

    public int getTab() { return tab; }
    public void setTab(int tab) { this.tab = tab; }

    public List<StaffUser> getStaff() {
        return staff;
    }

    /** The currencies a matter can be billed in: ISO 4217, with the common ones of a firm's clients first. */
    public List<String> getCurrencies() {
        java.util.LinkedHashSet<String> codes = new java.util.LinkedHashSet<>(List.of(firmSettings.firm().defaultCurrency(), "GBP", "EUR", "USD", "CHF"));
        java.util.Currency.getAvailableCurrencies().stream().map(java.util.Currency::getCurrencyCode).sorted().forEach(codes::add);
        return List.copyOf(codes);
    }

    public List<ClientDirectory.Recipient> getPortalUsers() { return portalUsers; }
    public List<String> getMatterRecipients() { return matterRecipients; }
    public void setMatterRecipients(List<String> v) { this.matterRecipients = v == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(v); }
    public String getMatterCurrency() { return matterCurrency; }
    public void setMatterCurrency(String v) { this.matterCurrency = v; }
    public Long getEditingMatter() { return editingMatter; }
    public String getEditMatterTitle() { return editMatterTitle; }
    public void setEditMatterTitle(String v) { this.editMatterTitle = v; }
    public String getEditMatterCurrency() { return editMatterCurrency; }
    public void setEditMatterCurrency(String v) { this.editMatterCurrency = v; }
    public BigDecimal getEditMatterRate() { return editMatterRate; }
    public void setEditMatterRate(BigDecimal v) { this.editMatterRate = v; }
    public Long getEditMatterResponsible() { return editMatterResponsible; }
    public void setEditMatterResponsible(Long v) { this.editMatterResponsible = v; }

    public String getClientName() { return clientName; }
    public void setClientName(String v) { this.clientName = v; }
    public org.quittance.clients.entity.ClientKind getClientKind() { return clientKind; }
    public void setClientKind(org.quittance.clients.entity.ClientKind v) { this.clientKind = v; }
    public String getClientAddress() { return clientAddress; }
    public void setClientAddress(String v) { this.clientAddress = v; }
    public Long getEditingContact() { return editingContact; }
    public String getEditContactName() { return editContactName; }
    public void setEditContactName(String v) { this.editContactName = v; }
    public String getEditContactEmail() { return editContactEmail; }
    public void setEditContactEmail(String v) { this.editContactEmail = v; }
    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Client getClient() { return client; }
    public List<ClientDirectory.ContactRow> getContacts() { return contacts; }
    public List<Matter> getMatters() { return matters; }
    public boolean isPortalInvoices() { return portalInvoices; }
    public void setPortalInvoices(boolean portalInvoices) { this.portalInvoices = portalInvoices; }
    public Map<Long, Object> getRecipientSelection() { return recipientSelection; }
    public Map<Long, String> getRateStaff() { return rateStaff; }
    public Map<Long, String> getRateAmount() { return rateAmount; }
    public String getNewContactName() { return newContactName; }
    public void setNewContactName(String v) { this.newContactName = v; }
    public String getNewContactEmail() { return newContactEmail; }
    public void setNewContactEmail(String v) { this.newContactEmail = v; }
    public boolean isNewContactBilling() { return newContactBilling; }
    public void setNewContactBilling(boolean v) { this.newContactBilling = v; }
    public String getMatterNumber() { return matterNumber; }
    public void setMatterNumber(String v) { this.matterNumber = v; }
    public String getMatterTitle() { return matterTitle; }
    public void setMatterTitle(String v) { this.matterTitle = v; }
    public BigDecimal getMatterRate() { return matterRate; }
    public void setMatterRate(BigDecimal v) { this.matterRate = v; }
    public Long getMatterResponsible() { return matterResponsible; }
    public void setMatterResponsible(Long v) { this.matterResponsible = v; }
}
