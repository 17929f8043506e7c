package org.quittance.clients.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.*;
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
import org.quittance.security.control.Roles;
import org.quittance.staff.entity.StaffUser;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Setup > Clients: clients, their contacts (one of them the billing contact) and their matters. */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
public class ClientDirectory {

    public record ClientRow(Long id, String name, ClientKind kind, boolean portalInvoices, String billingContact, long matters) {
    }

    /** A contact as the Contact Info tab shows it, with its Portal field. */
    public record ContactRow(Long id, String name, String email, boolean billingContact,
                             Long portalUserId, PortalUserState portalState, String portalLabel) {
        public boolean hasPortal() {
            return portalUserId != null;
        }
    }

    public record Recipient(Long portalUserId, String name, String email, String stateLabel) {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditTrail audit;

    @EJB
    PortalAccess portalAccess;

    public List<ClientRow> clients() {
        return em.createQuery("""
                        SELECT new org.quittance.clients.boundary.ClientDirectory.ClientRow(c.id, c.name, c.kind, c.portalInvoices,
                               (SELECT MAX(b.name) FROM Contact b WHERE b.client = c AND b.billingContact = TRUE),
                               (SELECT COUNT(m) FROM Matter m WHERE m.client = c))
                        FROM Client c ORDER BY c.name""", ClientRow.class)
                .getResultList();
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

    public List<ContactRow> contacts(@NotNull Long clientId) {
        return em.createQuery("""
                        SELECT c, u FROM Contact c LEFT JOIN PortalUser u ON u.contact = c
                        WHERE c.client.id = :client ORDER BY c.billingContact DESC, c.name""", Object[].class)
                .setParameter("client", clientId)
                .getResultStream()
                .map(r -> {
                    Contact c = (Contact) r[0];
                    PortalUser u = (PortalUser) r[1];
                    return new ContactRow(c.id(), c.name(), c.email(), c.billingContact(),
                            u == null ? null : u.id(), u == null ? null : u.state(), u == null ? "No portal" : u.stateLabel());
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
        boolean hasPortal = !em.createQuery("SELECT u FROM PortalUser u WHERE u.contact = :c", PortalUser.class)
                .setParameter("c", contact).getResultList().isEmpty();
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

    public List<Matter> allMatters() {
        return em.createQuery("SELECT m FROM Matter m JOIN FETCH m.client ORDER BY m.number", Matter.class).getResultList();
    }

    public Matter matter(@NotNull Long id) {
        Matter matter = em.find(Matter.class, id);
        if (matter == null) {
            throw new RuleViolation("Matter " + id + " does not exist.");
        }
        return matter;
    }

    public Matter addMatter(@NotNull Long clientId,
                            @NotBlank(message = "Matter number is required") @Pattern(regexp = "[A-Za-z0-9/_.-]{1,30}", message = "Matter number may contain letters, digits and / _ . - only") String number,
                            @NotBlank(message = "Matter title is required") @Size(max = 200) String title,
                            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO currency code") String currency,
                            @NotNull(message = "Hourly rate is required") @DecimalMin(value = "0", message = "Hourly rate cannot be negative") BigDecimal hourlyRate,
                            Long responsibleStaffId) {
        long taken = em.createQuery("SELECT COUNT(m) FROM Matter m WHERE m.number = :n", Long.class)
                .setParameter("n", number).getSingleResult();
        if (taken > 0) {
            throw new RuleViolation("Matter number " + number + " is already used.");
        }
        Matter matter = new Matter(client(clientId), number, title.trim(), Amounts.exact(hourlyRate, currency, "Hourly rate"),
                responsibleStaffId == null ? null : em.find(StaffUser.class, responsibleStaffId));
        em.persist(matter);
        return matter;
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
    public void setPortalInvoices(@NotNull Long clientId, boolean enabled) {
        Client client = client(clientId);
        client.setPortalInvoices(enabled);
        audit.recordAsCaller(AuditTrail.CLIENT, clientId, "portal invoices " + (enabled ? "enabled" : "disabled"), client.name());
        if (!enabled) {
            return;
        }
        em.createQuery("""
                        SELECT u FROM PortalUser u WHERE u.contact.client = :client AND u.contact.billingContact = TRUE
                        AND u.state <> org.quittance.portal.entity.PortalUserState.DISABLED""", PortalUser.class)
                .setParameter("client", client)
                .getResultStream().findFirst()
                .ifPresent(billing -> matters(clientId).stream()
                        .filter(m -> m.recipients().isEmpty())
                        .forEach(m -> m.addRecipient(billing)));
    }

    /** The portal users of the matter's client, any of whom may receive its invoices. */
    public List<Recipient> possibleRecipients(@NotNull Long matterId) {
        Matter matter = matter(matterId);
        return em.createQuery("SELECT u FROM PortalUser u WHERE u.contact.client = :client ORDER BY u.email", PortalUser.class)
                .setParameter("client", matter.client())
                .getResultStream()
                .map(u -> new Recipient(u.id(), u.contact().name(), u.email(), u.stateLabel()))
                .toList();
    }

    public List<Recipient> recipients(@NotNull Long matterId) {
        return matter(matterId).recipients().stream()
                .map(u -> new Recipient(u.id(), u.contact().name(), u.email(), u.stateLabel()))
                .sorted(java.util.Comparator.comparing(Recipient::email))
                .toList();
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
                + users.stream().map(u -> u.contact().email()).sorted().reduce((a, b) -> a + ", " + b).orElse("nobody"));
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
