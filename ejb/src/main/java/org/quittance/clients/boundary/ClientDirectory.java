package org.quittance.clients.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.*;
import org.quittance.platform.control.SqlValues;
import org.quittance.audit.boundary.AuditTrail;
import org.quittance.clients.entity.Client;
import org.quittance.clients.entity.ClientKind;
import org.quittance.clients.entity.Contact;
import org.quittance.clients.entity.Matter;
import org.quittance.money.Money;
import org.quittance.platform.control.Amounts;
import org.quittance.platform.control.RuleViolation;
import org.quittance.portal.boundary.PortalAccess;
import org.quittance.portal.entity.PortalUser;
import org.quittance.portal.entity.PortalUserState;
import org.quittance.security.entity.Roles;
import org.quittance.staff.entity.StaffUser;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Setup > Clients: clients, their contacts (one of them the billing contact) and their matters. */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
public class ClientDirectory {

    public record ClientRow(Long id, String name, ClientKind kind, boolean portalInvoices, String billingContact, long matters,
                            java.time.OffsetDateTime archivedAt) implements java.io.Serializable {
        public boolean archived() {
            return archivedAt != null;
        }

        /** How pickers show it: an archived client says so. */
        public String label() {
            return archived() ? name + " (archived)" : name;
        }
    }

    /**
     * A contact as the Contact Info tab shows it, with its Portal field.
     * @param alsoServes the other clients whose invoices the same login shows (one person, several clients)
     */
    public record ContactRow(Long id, String name, String email, boolean billingContact,
                             Long portalUserId, PortalUserState portalState, String portalLabel, List<String> alsoServes) implements java.io.Serializable {
        public boolean hasPortal() {
            return portalUserId != null;
        }

        public boolean shared() {
            return !alsoServes.isEmpty();
        }

        public String alsoServesList() {
            return String.join(", ", alsoServes);
        }
    }

    public record Recipient(Long portalUserId, String name, String email, String stateLabel) implements java.io.Serializable {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditTrail audit;

    @EJB
    PortalAccess portalAccess;

    @EJB
    org.quittance.ledger.boundary.Ledgers ledgers;

    /** A page of the clients list and how many the whole list holds. */
    public record ClientPage(List<ClientRow> rows, long total) {
    }

    /** The most a page of the clients list holds: a firm of 20,000 clients is never read whole. */
    public static final int MOST_PER_PAGE = 100;

    /**
     * The clients the firm works for, by name, a page at a time; archived ones only when asked for.
     * @param search part of a name (any case), or null for all
     */
    public ClientPage clients(@Size(max = 200) String search, boolean withArchived, @Min(0) int first,
                              @Min(1) @Max(MOST_PER_PAGE) int max) {
        String pattern = search == null || search.isBlank() ? null : SqlValues.containsPattern(search);
        String where = " WHERE (c.archivedAt IS NULL OR :all = TRUE)" + (pattern == null ? "" : " AND LOWER(c.name) LIKE :name ESCAPE '\\'");
        jakarta.persistence.TypedQuery<ClientRow> page = em.createQuery("""
                        SELECT new org.quittance.clients.boundary.ClientDirectory.ClientRow(c.id, c.name, c.kind, c.portalInvoices,
                               (SELECT MAX(b.name) FROM Contact b WHERE b.client = c AND b.billingContact = TRUE),
                               (SELECT COUNT(m) FROM Matter m WHERE m.client = c), c.archivedAt)
                        FROM Client c""" + where + " ORDER BY c.name, c.id", ClientRow.class)
                .setParameter("all", withArchived).setFirstResult(first).setMaxResults(max);
        jakarta.persistence.TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM Client c" + where, Long.class)
                .setParameter("all", withArchived);
        if (pattern != null) {
            page.setParameter("name", pattern);
            count.setParameter("name", pattern);
        }
        return new ClientPage(page.getResultList(), count.getSingleResult());
    }

    public Client client(@NotNull Long id) {
        Client client = em.find(Client.class, id);
        if (client == null) {
            throw new RuleViolation("Client " + id + " does not exist.");
        }
        return client;
    }

    /** A client starts with its billing contact: invoices need someone to go to. */
    public Client createClient(@NotBlank(message = "Client name is required") @Size(max = 200) String name,
                               @NotNull ClientKind kind,
                               @Size(max = 2000) String address,
                               @NotBlank(message = "A billing contact is required") @Size(max = 200) String billingContactName,
                               @Email(message = "Billing contact e-mail is not a valid e-mail address") @Size(max = 320) String billingContactEmail) {
        Client client = new Client(name.trim(), kind);
        client.rename(name.trim(), kind, address);
        em.persist(client);
        em.persist(new Contact(client, billingContactName.trim(), blankToNull(billingContactEmail), true));
        return client;
    }

    public void updateClient(@NotNull Long id, @NotBlank(message = "Client name is required") @Size(max = 200) String name,
                             @NotNull ClientKind kind, @Size(max = 2000) String address) {
        Client client = client(id);
        client.rename(name.trim(), kind, address == null || address.isBlank() ? null : address.strip());
        audit.recordAsCaller(AuditTrail.CLIENT, id, "client changed", client.name() + ", " + kind);
    }

    /**
     * The firm no longer works for the client: it leaves the lists and cannot be billed. Nothing is
     * deleted. Refused while anything is open, so that no balance, credit or work disappears from view.
     */
    public void archiveClient(@NotNull Long id) {
        Client client = client(id);
        if (client.archived()) {
            return;
        }
        List<String> open = new java.util.ArrayList<>();
        ledgers.balance(id).values().stream().filter(m -> !m.isZero())
                .forEach(m -> open.add(m.isPositive() ? "owes " + m : "holds a credit of " + m.negate()));
        long drafts = em.createQuery("SELECT COUNT(i) FROM Invoice i WHERE i.matter.client = :c AND i.state = :draft", Long.class)
                .setParameter("c", client).setParameter("draft", org.quittance.billing.entity.InvoiceState.DRAFT).getSingleResult();
        if (drafts > 0) {
            open.add("has " + drafts + " draft invoice" + (drafts == 1 ? "" : "s"));
        }
        long unbilled = 0;
        for (String work : List.of("TimeEntry", "Expense", "FixedFee")) {
            unbilled += em.createQuery("SELECT COUNT(w) FROM " + work + " w WHERE w.matter.client = :c AND w.billed = FALSE", Long.class)
                    .setParameter("c", client).getSingleResult();
        }
        if (unbilled > 0) {
            open.add("has unbilled work");
        }
        long awaiting = em.createQuery("SELECT COUNT(r) FROM Receipt r WHERE r.clientId = :c AND r.state = :awaiting", Long.class)
                .setParameter("c", id).setParameter("awaiting", org.quittance.receipts.entity.ReceiptState.AWAITING_ACCEPTANCE)
                .getSingleResult();
        if (awaiting > 0) {
            open.add("has receipts awaiting acceptance");
        }
        if (!open.isEmpty()) {
            throw new RuleViolation(client.name() + " cannot be archived while it " + String.join(", ", open) + ".");
        }
        client.archive(java.time.OffsetDateTime.now());
        audit.recordAsCaller(AuditTrail.CLIENT, id, "client archived", client.name());
    }

    public void restoreClient(@NotNull Long id) {
        Client client = client(id);
        client.restore();
        audit.recordAsCaller(AuditTrail.CLIENT, id, "client restored", client.name());
    }

    public List<ContactRow> contacts(@NotNull Long clientId) {
        return em.createQuery("""
                        SELECT c FROM Contact c LEFT JOIN FETCH c.portalUser
                        WHERE c.client.id = :client ORDER BY c.billingContact DESC, c.name""", Contact.class)
                .setParameter("client", clientId)
                .getResultStream()
                .map(c -> {
                    PortalUser u = c.portalUser();
                    List<String> others = u == null ? List.of() : u.contacts().stream()
                            .filter(other -> !other.client().id().equals(clientId))
                            .map(other -> other.client().name()).sorted().toList();
                    return new ContactRow(c.id(), c.name(), c.email(), c.billingContact(),
                            u == null ? null : u.id(), u == null ? null : u.state(), u == null ? "No portal" : u.stateLabel(), others);
                })
                .toList();
    }

    public Contact addContact(@NotNull Long clientId, @NotBlank(message = "Contact name is required") @Size(max = 200) String name,
                              @Email(message = "is not a valid e-mail address") @Size(max = 320) String email,
                              boolean billingContact) {
        Client client = client(clientId);
        if (billingContact) {
            clearBillingContact(client);
        }
        Contact contact = new Contact(client, name.trim(), blankToNull(email), billingContact);
        em.persist(contact);
        return contact;
    }

    /** @return what happened beyond the change itself (a portal login that moved with the address), for the page */
    public String updateContact(@NotNull Long contactId, @NotBlank(message = "Contact name is required") @Size(max = 200) String name,
                                @Email(message = "is not a valid e-mail address") @Size(max = 320) String email) {
        Contact contact = contact(contactId);
        String next = blankToNull(email);
        boolean hasPortal = contact.portalUser() != null;
        if (hasPortal && next == null) {
            throw new RuleViolation(contact.name() + " has a portal: the e-mail address is the login and cannot be removed.");
        }
        String before = contact.email();
        String outcome = next == null ? "" : portalAccess.loginChanged(contact, next);
        contact.update(name.trim(), next);
        audit.recordAsCaller(AuditTrail.CLIENT, contact.client().id(), "contact changed",
                contact.name() + (java.util.Objects.equals(before, next) ? "" : ", e-mail " + before + " → " + next));
        return outcome.strip();
    }

    public void makeBillingContact(@NotNull Long contactId) {
        Contact contact = contact(contactId);
        clearBillingContact(contact.client());
        em.flush();
        contact.setBillingContact(true);
    }

    public List<Matter> matters(@NotNull Long clientId) {
        return em.createQuery("SELECT m FROM Matter m WHERE m.client.id = :client ORDER BY m.number", Matter.class)
                .setParameter("client", clientId).getResultList();
    }

    public Matter matter(@NotNull Long id) {
        Matter matter = em.find(Matter.class, id);
        if (matter == null) {
            throw new RuleViolation("Matter " + id + " does not exist.");
        }
        return matter;
    }

    /** A new matter; {@code recipients} are portal users of the client who receive its invoices (the form preselects them all). */
    public Matter addMatter(@NotNull Long clientId,
                            @NotBlank(message = "Matter number is required") @Pattern(regexp = "[A-Za-z0-9/_.-]{1,30}", message = "Matter number may contain letters, digits and / _ . - only") String number,
                            @NotBlank(message = "Matter title is required") @Size(max = 200) String title,
                            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "Currency must be a three-letter ISO code such as GBP") String currency,
                            @NotNull(message = "Hourly rate is required") @DecimalMin(value = "0", message = "Hourly rate cannot be negative") BigDecimal hourlyRate,
                            Long responsibleStaffId, @NotNull @Size(max = 200) Set<Long> recipients) {
        long taken = em.createQuery("SELECT COUNT(m) FROM Matter m WHERE m.number = :n", Long.class)
                .setParameter("n", number).getSingleResult();
        if (taken > 0) {
            throw new RuleViolation("Matter number " + number + " is already used.");
        }
        Client client = client(clientId);
        if (client.archived()) {
            throw new RuleViolation(client.name() + " is archived: restore it before opening a matter.");
        }
        Matter matter = new Matter(client, number, title.trim(), Amounts.exact(hourlyRate, knownCurrency(currency), "Hourly rate"),
                staffMember(responsibleStaffId));
        em.persist(matter);
        if (!recipients.isEmpty()) {
            setRecipients(matter.id(), recipients);
        }
        audit.recordAsCaller(AuditTrail.CLIENT, clientId, "matter opened", number + " " + matter.title() + ", " + matter.hourlyRate());
        return matter;
    }

    /**
     * Corrects a matter. Its currency can change until its first invoice: the unbilled work and the
     * rate table keep their figures in the new currency (they were typed meaning it).
     * @return what happened beyond the change itself, for the page
     */
    public String updateMatter(@NotNull Long matterId, @NotBlank(message = "Matter title is required") @Size(max = 200) String title,
                               @NotNull @Pattern(regexp = "[A-Z]{3}", message = "Currency must be a three-letter ISO code such as GBP") String currency,
                               @NotNull(message = "Hourly rate is required") @DecimalMin(value = "0", message = "Hourly rate cannot be negative") BigDecimal hourlyRate,
                               Long responsibleStaffId) {
        Matter matter = em.find(Matter.class, matterId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);  // not billed while it changes
        if (matter == null) {
            throw new RuleViolation("Matter " + matterId + " does not exist.");
        }
        String outcome = "";
        String next = knownCurrency(currency);
        if (!next.equals(matter.currency())) {
            long invoices = em.createQuery("SELECT COUNT(i) FROM Invoice i WHERE i.matter = :m", Long.class)
                    .setParameter("m", matter).getSingleResult();
            if (invoices > 0) {
                throw new RuleViolation("Matter " + matter.number() + " has invoices in " + matter.currency()
                        + ": its currency can no longer change. Open a new matter for work in " + next + ".");
            }
            int moved = redenominateUnbilled(matter, next);
            outcome = moved == 0 ? "" : moved + " unbilled item" + (moved == 1 ? " keeps its figure" : "s keep their figures") + " in " + next + ".";
        }
        String before = matter.title() + ", " + matter.hourlyRate();
        matter.update(title.trim(), Amounts.exact(hourlyRate, next, "Hourly rate"), staffMember(responsibleStaffId));
        audit.recordAsCaller(AuditTrail.CLIENT, matter.client().id(), "matter changed",
                matter.number() + ": " + before + " → " + matter.title() + ", " + matter.hourlyRate());
        return outcome;
    }

    private int redenominateUnbilled(Matter matter, String currency) {
        int moved = 0;
        for (var t : em.createQuery("SELECT t FROM TimeEntry t WHERE t.matter = :m", org.quittance.billing.entity.TimeEntry.class)
                .setParameter("m", matter).getResultList()) {
            t.redenominate(Amounts.exact(t.rate().amount(), currency, "Rate of a time entry"));
            moved++;
        }
        for (var e : em.createQuery("SELECT e FROM Expense e WHERE e.matter = :m", org.quittance.billing.entity.Expense.class)
                .setParameter("m", matter).getResultList()) {
            e.redenominate(Amounts.exact(e.amount().amount(), currency, "An expense"));
            moved++;
        }
        for (var f : em.createQuery("SELECT f FROM FixedFee f WHERE f.matter = :m", org.quittance.billing.entity.FixedFee.class)
                .setParameter("m", matter).getResultList()) {
            f.redenominate(Amounts.exact(f.amount().amount(), currency, "A fixed fee"));
            moved++;
        }
        for (var rate : matter.staffRates().entrySet()) {
            Amounts.exact(rate.getValue(), currency, "A rate in the rate table");  // the figures stay; they must fit the currency
        }
        return moved;
    }

    private static String knownCurrency(String code) {
        try {
            return java.util.Currency.getInstance(code).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(code + " is not a currency.");
        }
    }

    private StaffUser staffMember(Long id) {
        if (id == null) {
            return null;
        }
        StaffUser staff = em.find(StaffUser.class, id);
        if (staff == null) {
            throw new RuleViolation("Staff user " + id + " does not exist.");
        }
        return staff;
    }

    public void setStaffRate(@NotNull Long matterId, @NotNull Long staffId,
                             @DecimalMin(value = "0", message = "Rate cannot be negative") BigDecimal rate) {
        Matter matter = matter(matterId);
        StaffUser staff = em.find(StaffUser.class, staffId);
        if (staff == null) {
            throw new RuleViolation("Staff user " + staffId + " does not exist.");
        }
        matter.setStaffRate(staff, rate == null ? null : Amounts.exact(rate, matter.currency(), "Rate"));
    }

    /** Enable portal invoices: matters without recipients get the billing contact's portal, if it has one. */
    /** Whether the client's open invoices are reminded of on the firm's schedule (PaymentReminders). */
    public void setReminders(@NotNull Long clientId, boolean enabled) {
        Client client = client(clientId);
        client.remind(enabled);
        audit.recordAsCaller(AuditTrail.CLIENT, clientId, "reminders " + (enabled ? "on" : "off"), client.name());
    }

    public void setPortalInvoices(@NotNull Long clientId, boolean enabled) {
        Client client = client(clientId);
        client.setPortalInvoices(enabled);
        audit.recordAsCaller(AuditTrail.CLIENT, clientId, "portal invoices " + (enabled ? "enabled" : "disabled"), client.name());
        if (!enabled) {
            return;
        }
        em.createQuery("""
                        SELECT c.portalUser FROM Contact c WHERE c.client = :client AND c.billingContact = TRUE
                        AND c.portalUser.state <> org.quittance.portal.entity.PortalUserState.DISABLED""", PortalUser.class)
                .setParameter("client", client)
                .getResultStream().findFirst()
                .ifPresent(billing -> matters(clientId).stream()
                        .filter(m -> m.recipients().isEmpty())
                        .forEach(m -> m.addRecipient(billing)));
    }

    /** The portal users of the matter's client, any of whom may receive its invoices. */
    public List<Recipient> possibleRecipients(@NotNull Long matterId) {
        return portalUsersOf(matter(matterId).client().id());
    }

    /** The client's contacts that have a portal login: who may receive its matters' invoices. */
    public List<Recipient> portalUsersOf(@NotNull Long clientId) {
        return em.createQuery("SELECT c FROM Contact c JOIN FETCH c.portalUser WHERE c.client.id = :client ORDER BY c.portalUser.email", Contact.class)
                .setParameter("client", clientId)
                .getResultStream()
                .map(c -> new Recipient(c.portalUser().id(), c.name(), c.portalUser().email(), c.portalUser().stateLabel()))
                .toList();
    }

    /**
     * Who a new matter of the client may go to (its portal users that are not disabled), and who it
     * goes to unless staff untick them: all of them when the client has portal invoices on.
     */
    public record NewMatterRecipients(List<Recipient> offered, List<Long> ticked) {
    }

    public NewMatterRecipients newMatterRecipients(@NotNull Long clientId) {
        List<Recipient> offered = em.createQuery("""
                        SELECT c FROM Contact c JOIN FETCH c.portalUser WHERE c.client.id = :client
                        AND c.portalUser.state <> org.quittance.portal.entity.PortalUserState.DISABLED ORDER BY c.portalUser.email""", Contact.class)
                .setParameter("client", clientId)
                .getResultStream()
                .map(c -> new Recipient(c.portalUser().id(), c.name(), c.portalUser().email(), c.portalUser().stateLabel()))
                .toList();
        return new NewMatterRecipients(offered, client(clientId).portalInvoices() ? offered.stream().map(Recipient::portalUserId).toList() : List.of());
    }

    public List<Recipient> recipients(@NotNull Long matterId) {
        Matter matter = matter(matterId);
        Set<Long> chosen = matter.recipients().stream().map(PortalUser::id).collect(java.util.stream.Collectors.toSet());
        return portalUsersOf(matter.client().id()).stream().filter(r -> chosen.contains(r.portalUserId())).toList();
    }

    public void setRecipients(@NotNull Long matterId, @NotNull Set<Long> portalUserIds) {
        Matter matter = matter(matterId);
        Set<PortalUser> users = new HashSet<>();
        for (Long id : portalUserIds) {
            PortalUser user = em.find(PortalUser.class, id);
            if (user == null) {
                throw new RuleViolation("Portal user " + id + " does not exist.");
            }
            users.add(user);
        }
        try {
            matter.setRecipients(users);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(e.getMessage() + ".");
        }
        audit.recordAsCaller(AuditTrail.CLIENT, matter.client().id(), "invoice recipients set", matter.number() + ": "
                + users.stream().map(PortalUser::email).sorted().reduce((a, b) -> a + ", " + b).orElse("nobody"));
    }

    public List<StaffUser> staff() {
        return em.createQuery("SELECT s FROM StaffUser s WHERE s.enabled = TRUE ORDER BY s.displayName", StaffUser.class).getResultList();
    }

    private void clearBillingContact(Client client) {
        em.createQuery("SELECT c FROM Contact c WHERE c.client = :client AND c.billingContact = TRUE", Contact.class)
                .setParameter("client", client).getResultList()
                .forEach(c -> c.setBillingContact(false));
        em.flush();
    }

    private Contact contact(Long id) {
        Contact contact = em.find(Contact.class, id);
        if (contact == null) {
            throw new RuleViolation("Contact " + id + " does not exist.");
        }
        return contact;
    }


    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
