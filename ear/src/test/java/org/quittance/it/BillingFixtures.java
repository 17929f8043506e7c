package org.quittance.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.billing.boundary.Billing;
import org.quittance.billing.boundary.Publishing;
import org.quittance.billing.entity.Invoice;
import org.quittance.clients.boundary.ClientDirectory;
import org.quittance.clients.entity.ClientKind;
import org.quittance.clients.entity.Matter;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.payments.entity.ProcessorKind;
import org.quittance.firm.entity.PaymentApplication;
import org.quittance.portal.boundary.PortalAccess;
import org.quittance.portal.boundary.PortalInvoices;
import org.quittance.portal.entity.PortalUser;
import org.quittance.staff.boundary.StaffAccounts;
import org.quittance.staff.entity.StaffRole;
import org.quittance.staff.entity.StaffUser;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Builds the world a billing test needs through the application's own facades: the firm (created
 * once per database), a client with a billing contact and a portal, a matter, unbilled time.
 */
@Stateless
public class BillingFixtures {

    public record Scenario(Long clientId, Long contactId, Long portalUserId, String email, Long matterId, Long staffId) {
    }

    /** A registered portal user's client and its one published invoice. */
    public record Published(String email, Long clientId, Long invoiceId) {
    }

    @Resource
    SessionContext context;

    @EJB
    Publishing publishing;

    @EJB
    PortalInvoices portalInvoices;

    @PersistenceContext
    EntityManager em;

    @EJB
    FirmSettings firm;

    @EJB
    ClientDirectory clients;

    @EJB
    org.quittance.payments.boundary.PaymentAccounts accounts;

    @EJB
    PortalAccess portals;

    @EJB
    Billing billing;

    @EJB
    StaffAccounts staff;

    public void firmWithPortalInvoicing(boolean on) {
        if (em.createQuery("SELECT COUNT(f) FROM Firm f", Long.class).getSingleResult() == 0) {
            firm.createFirm("Test & Partners LLP", "1 Test Street", "GBP", 30);
            em.flush();
            firm.describeFirm("Test & Partners LLP", "1 Test Street\nLondon", "accounts@test.example", "GBP", 30,
                    "IT-{YYYY}-{SEQ:5}", "VAT", new BigDecimal("20"), "Bank transfer to account 12345678.");
        }
        firm.setPortalPolicy(on, "portal-admin@test.example", true, new BigDecimal("10.00"), PaymentApplication.REVIEW);
    }

    /** The firm's payment account is the sandbox in test mode, its keys as the sandbox issued them (or as stored before). */
    public void sandboxAccount() {
        accounts.connectPaymentAccount(ProcessorKind.SANDBOX, false, "Sandbox", null, null, null);
    }

    /** The sandbox in test mode, its webhooks signed with this secret (a test that signs notifications itself). */
    public void sandboxAccount(String webhookSecret) {
        accounts.connectPaymentAccount(ProcessorKind.SANDBOX, false, "Sandbox", null, null, webhookSecret);
    }

    /** A client with portal invoices on (or off), its billing contact invited to the portal and set as the matter's recipient. */
    public Scenario client(boolean portalInvoices) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "client-" + suffix + "@example.com";
        Long clientId = clients.createClient("Client " + suffix, ClientKind.ORGANISATION, "1 Quay Street", "Contact " + suffix, email).id();
        em.flush();
        Long contactId = clients.contacts(clientId).get(0).id();
        Matter matter = clients.addMatter(clientId, "M-" + suffix, "Matter " + suffix, "GBP", new BigDecimal("200.00"), null, java.util.Set.of());
        PortalUser portal = portals.addPortal(contactId);
        em.flush();
        clients.setPortalInvoices(clientId, portalInvoices);
        StaffUser author = staff.byUsername("it-biller");
        if (author == null) {
            author = staff.create("it-biller", "IT Biller", "it-biller@test.example", "ledger quill compass 2026", EnumSet.of(StaffRole.BILLING));
            em.flush();
        }
        return new Scenario(clientId, contactId, portal.id(), email, matter.id(), author.id());
    }

    /** The same client with a new matter billed in this currency. */
    public Scenario inCurrency(Scenario s, String currency) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Matter matter = clients.addMatter(s.clientId(), "M-" + suffix, "Matter " + suffix + " in " + currency, currency, new BigDecimal("200.00"), null, java.util.Set.of());
        em.flush();
        return new Scenario(s.clientId(), s.contactId(), s.portalUserId(), s.email(), matter.id(), s.staffId());
    }

    /**
     * A client whose billing contact has registered, with one published invoice of GBP 600.00, once the
     * publication (a JMS round trip) has reached the portal. Outside a transaction: it waits for it.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Published registeredClientWithPublishedInvoice() {
        BillingFixtures self = context.getBusinessObject(BillingFixtures.class);
        Scenario s = self.client(true);
        self.register(s.portalUserId());
        Long invoiceId = self.finalInvoice(s).id();
        publishing.start(Set.of(invoiceId));
        Eventually.await("publication", Duration.ofSeconds(30),
                () -> portalInvoices.row(s.email(), invoiceId).isPresent());
        return new Published(s.email(), s.clientId(), invoiceId);
    }

    /**
     * A second registered portal user of the same client who receives a new matter's invoices (and
     * only those), with one published invoice on it.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Published colleagueOnAnotherMatter(Published first) {
        BillingFixtures self = context.getBusinessObject(BillingFixtures.class);
        Scenario s = self.colleague(first.clientId());
        Long invoiceId = self.finalInvoice(s).id();
        publishing.start(Set.of(invoiceId));
        Eventually.await("publication", Duration.ofSeconds(30),
                () -> portalInvoices.row(s.email(), invoiceId).isPresent());
        return new Published(s.email(), s.clientId(), invoiceId);
    }

    /**
     * A second client whose billing contact is the same person as {@code first}'s (the same e-mail):
     * Add portal joins the existing login; a matter of the new client goes to it, with one published
     * invoice of GBP 600.00 (as {@link #registeredClientWithPublishedInvoice()}). Outside a transaction: it waits for publication.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Published sameLoginAtAnotherClient(Published first) {
        BillingFixtures self = context.getBusinessObject(BillingFixtures.class);
        Scenario s = self.joinedClient(first.email());
        Long invoiceId = self.finalInvoice(s).id();
        publishing.start(Set.of(invoiceId));
        Eventually.await("publication", Duration.ofSeconds(30),
                () -> portalInvoices.row(s.email(), invoiceId).isPresent());
        return new Published(s.email(), s.clientId(), invoiceId);
    }

    public Scenario joinedClient(String email) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Long clientId = clients.createClient("Second Co " + suffix, ClientKind.ORGANISATION, "2 Quay Street", "Director " + suffix, email).id();
        em.flush();
        Long contactId = clients.contacts(clientId).get(0).id();
        PortalUser portal = portals.addPortal(contactId);
        em.flush();
        clients.setPortalInvoices(clientId, true);
        Matter matter = clients.addMatter(clientId, "M-" + suffix, "Matter " + suffix, "GBP", new BigDecimal("200.00"), null, Set.of(portal.id()));
        em.flush();
        return new Scenario(clientId, contactId, portal.id(), email, matter.id(), staff.byUsername("it-biller").id());
    }

    public Scenario colleague(Long clientId) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "colleague-" + suffix + "@example.com";
        Long contactId = clients.addContact(clientId, "Colleague " + suffix, email, false).id();
        em.flush();
        PortalUser portal = portals.addPortal(contactId);
        em.flush();
        register(portal.id());
        Matter matter = clients.addMatter(clientId, "M-" + suffix, "Matter " + suffix, "GBP", new BigDecimal("200.00"), null, java.util.Set.of());
        em.flush();
        clients.setRecipients(matter.id(), Set.of(portal.id()));
        return new Scenario(clientId, contactId, portal.id(), email, matter.id(), staff.byUsername("it-biller").id());
    }

    /** The published invoice as its client sees it in the portal. */
    public PortalInvoices.Row portalRow(Published p) {
        return portalInvoices.row(p.email(), p.invoiceId()).orElseThrow();
    }

    /** As if the portal user had followed the invitation and chosen a password. */
    public void register(Long portalUserId) {
        em.createNativeQuery("UPDATE portal_user SET state = 'REGISTERED' WHERE id = ?").setParameter(1, portalUserId).executeUpdate();
    }

    /** A change no screen may make, to show that a check notices it (a corrupted amount, say). */
    public int execute(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.executeUpdate();
    }

    /**
     * A job execution as a crash leaves it in the repository: a copy of the execution and its steps, STARTED,
     * with the same checkpoints and the lease of the node that ran it. JBeret has never cached the copy, as
     * the server that finds it after a crash has not (another node, or this one after a restart).
     * @return the copy's execution id
     */
    public long asLeftByACrash(long execution, String node) {
        long copy = ((Number) em.createNativeQuery("""
                        INSERT INTO job_execution (jobinstanceid, version, createtime, starttime, lastupdatedtime, batchstatus, exitstatus, jobparameters)
                        SELECT jobinstanceid, version, createtime, starttime, now(), 'STARTED', NULL, jobparameters
                        FROM job_execution WHERE jobexecutionid = ? RETURNING jobexecutionid""")
                .setParameter(1, execution).getSingleResult()).longValue();
        em.createNativeQuery("""
                        INSERT INTO step_execution (jobexecutionid, version, stepname, starttime, batchstatus, persistentuserdata, readcount,
                               writecount, commitcount, rollbackcount, readskipcount, processskipcount, filtercount, writeskipcount,
                               readercheckpointinfo, writercheckpointinfo)
                        SELECT ?, version, stepname, starttime, 'STARTED', persistentuserdata, readcount, writecount, commitcount,
                               rollbackcount, readskipcount, processskipcount, filtercount, writeskipcount, readercheckpointinfo, writercheckpointinfo
                        FROM step_execution WHERE jobexecutionid = ?""")
                .setParameter(1, copy).setParameter(2, execution).executeUpdate();
        em.createNativeQuery("INSERT INTO job_lease (execution_id, node) VALUES (?, ?)").setParameter(1, copy).setParameter(2, node).executeUpdate();
        return copy;
    }

    /** The newest portal checkout that pays the invoice. */
    public String checkoutReference(Long invoiceId) {
        return (String) em.createNativeQuery("""
                        SELECT c.reference FROM portal_checkout c JOIN portal_checkout_allocation a ON a.checkout_id = c.id
                        WHERE a.invoice_id = ? ORDER BY c.id DESC LIMIT 1""")
                .setParameter(1, invoiceId).getSingleResult();
    }

    /** A final invoice for 2.5 h at 200.00 on the scenario's matter. */
    public Invoice finalInvoice(Scenario s) {
        Long timeId = billing.recordTime(s.matterId(), s.staffId(), LocalDate.now().minusDays(1), new BigDecimal("2.50"), "Advice").id();
        em.flush();
        Invoice draft = billing.createInvoice(s.matterId(), Set.of(timeId), Set.of(), Set.of());
        em.flush();
        return billing.finalise(draft.id());
    }

    /** Days pass for one client: everything on its ledger so far moves that many days into the past. */
    public void shiftLedger(Long clientId, int days) {
        em.createNativeQuery("UPDATE ledger_entry SET posted_at = posted_at - make_interval(days => ?) WHERE client_id = ?")
                .setParameter(1, days).setParameter(2, clientId).executeUpdate();
    }
}
