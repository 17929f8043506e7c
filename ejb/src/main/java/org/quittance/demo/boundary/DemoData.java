package org.quittance.demo.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.billing.boundary.Billing;
import org.quittance.billing.control.InvoicePublisher;
import org.quittance.billing.entity.Expense;
import org.quittance.billing.entity.FixedFee;
import org.quittance.billing.entity.TimeEntry;
import org.quittance.clients.entity.Client;
import org.quittance.clients.entity.ClientKind;
import org.quittance.clients.entity.Contact;
import org.quittance.clients.entity.Matter;
import org.quittance.firm.boundary.FirstRunSetup;
import org.quittance.firm.entity.Firm;
import org.quittance.firm.entity.PaymentApplication;
import org.quittance.money.Money;
import org.quittance.payments.boundary.PaymentAccounts;
import org.quittance.payments.entity.PaymentAccount;
import org.quittance.payments.entity.ProcessorKind;
import org.quittance.platform.control.RuleViolation;
import org.quittance.portal.entity.PortalUser;
import org.quittance.security.control.Passwords;
import org.quittance.security.entity.Roles;
import org.quittance.staff.boundary.StaffAccounts;
import org.quittance.staff.entity.StaffRole;
import org.quittance.staff.entity.StaffUser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Loads a small demo firm on first start when the server runs with quittance.demo-data=true (the
 * README's run command does): a firm, two staff users, clients with a billing contact each (two with a
 * portal login each, a third client without a portal, and unbilled time, expenses and a fixed fee)
 * and two published invoices in the Okafor portal, ready to pay. It does nothing once a firm exists.
 */
@RunAs(Roles.ADMIN)
@Singleton
@Startup
@DependsOn({"SchemaMigration", "FirstRunSetup"})
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());
    public static final String PORTAL_PASSWORD = "portal-demo-2026";

    @PersistenceContext
    EntityManager em;

    @EJB
    FirstRunSetup setup;

    @EJB
    StaffAccounts staffAccounts;

    @EJB
    Billing billing;

    @EJB
    InvoicePublisher publisher;

    @EJB
    PaymentAccounts accounts;

    @Resource
    TimerService timers;

    @PostConstruct
    void loadOnFirstStart() {
        if (!org.quittance.platform.control.Settings.demoData()) {
            return;
        }
        if (!setup.open()) {
            return;
        }
        // The way a firm's IT sets up an empty installation: the setup code from the server's data directory.
        setup.complete(setupCode(), new FirstRunSetup.FirmIdentity("Whitlock & Crane LLP", "14 Chancery Lane\nLondon WC2A 1PL",
                        "accounts@whitlockcrane.example", "GBP", "INV-{YYYY}-{SEQ:5}", 30, "VAT", new BigDecimal("20")),
                new FirstRunSetup.Administrator("Alex Whitlock", "admin", "alex.whitlock@whitlockcrane.example", "admin-demo-2026"),
                "demo data");
        Firm firm = em.createQuery("SELECT f FROM Firm f", Firm.class).getSingleResult();
        firm.describe(firm.name(), firm.address(), firm.email(), firm.defaultCurrency(), firm.paymentTermsDays(), firm.invoiceNumberFormat(),
                firm.taxLabel(), firm.taxRatePercent(), "Bank transfer: Whitlock & Crane LLP client account, sort code 12-34-56, account 12345678.");
        firm.setPortalPolicy(true, "alex.whitlock@whitlockcrane.example", true, new BigDecimal("50.00"), PaymentApplication.REVIEW);
        firm.offerBankDebits(java.util.Set.of("GBP"));  // Bacs Direct Debit beside cards on the sandbox page
        PaymentAccount sandbox = new PaymentAccount(firm, ProcessorKind.SANDBOX);
        sandbox.configure(ProcessorKind.SANDBOX, false, "Sandbox (demo)", null);
        em.persist(sandbox);
        // The sandbox issues the keys over HTTP, and answers only once the deployment has started:
        // connecting it waits for a timer, as an administrator would press Save a moment later.
        timers.createSingleActionTimer(500, new TimerConfig(1, false));
        StaffUser admin = staffAccounts.byUsername("admin");
        StaffUser billie = staffAccounts.create("billie", "Billie Crane", "billie.crane@whitlockcrane.example",
                "billing-demo-2026", EnumSet.of(StaffRole.BILLING));

        Matter harbourLease = client("Harbour Lights Ltd", ClientKind.ORGANISATION,
                "Maria Lopez", "maria.lopez@harbourlights.example", "HL-001", "Warehouse lease renewal", "240.00", admin);
        Matter okaforEstate = client("Okafor Family Trust", ClientKind.INDIVIDUAL,
                "James Okafor", "james.okafor@okafortrust.example", "OK-001", "Estate administration", "195.00", billie);

        Matter greenfield = client("Greenfield Dental Practice", ClientKind.ORGANISATION,
                "Priya Shah", "priya.shah@greenfielddental.example", "GD-001", "Practice purchase", "210.00", admin, false);

        harbourLease.client().rename("Harbour Lights Ltd", ClientKind.ORGANISATION, "Unit 4, Harbour Quay\nBristol BS1 5TT");
        okaforEstate.client().rename("Okafor Family Trust", ClientKind.INDIVIDUAL, "7 Elm Row\nLondon NW3 1AA");
        greenfield.client().rename("Greenfield Dental Practice", ClientKind.ORGANISATION, "22 Meadow Road\nReading RG1 4AB");

        LocalDate today = LocalDate.now();
        em.persist(new FixedFee(greenfield, today.minusDays(4), "Due diligence report (fixed fee, stage 1)", Money.of("1500.00", "GBP")));
        time(greenfield, admin, today.minusDays(1), "1.50", "Review of the seller's NHS contract");
        time(harbourLease, admin, today.minusDays(9), "2.50", "Review of landlord's draft lease and schedule of dilapidations");
        time(harbourLease, billie, today.minusDays(7), "1.25", "Call with client on break clause; file note");
        time(harbourLease, admin, today.minusDays(3), "3.00", "Negotiation of rent review terms with landlord's solicitors");
        em.persist(new Expense(harbourLease, today.minusDays(6), "Land Registry official copies", Money.of("7.00", "GBP")));
        em.persist(new Expense(harbourLease, today.minusDays(2), "Courier to landlord's solicitors", Money.of("18.50", "GBP")));

        time(okaforEstate, billie, today.minusDays(12), "4.00", "Preparation of inheritance tax account (IHT400)");
        time(okaforEstate, admin, today.minusDays(5), "0.75", "Letter to beneficiaries on interim distribution");
        em.persist(new Expense(okaforEstate, today.minusDays(10), "Probate application fee", Money.of("300.00", "GBP")));
        // Two invoices already in the Okafor portal, so that Pay Now can be tried at once.
        Matter okaforSale = new Matter(okaforEstate.client(), "OK-002", "Sale of 4 Elm Row", Money.of("195.00", "GBP"), billie);
        em.persist(okaforSale);
        okaforSale.addRecipient(okaforEstate.recipients().iterator().next());
        TimeEntry contract = time(okaforSale, billie, today.minusDays(20), "2.00", "Review of draft contract and property information forms");
        Expense searches = new Expense(okaforSale, today.minusDays(19), "Local authority search", Money.of("12.00", "GBP"));
        em.persist(searches);
        TimeEntry completion = time(okaforSale, billie, today.minusDays(8), "3.50", "Exchange of contracts and completion");
        em.flush();
        Long first = billing.finalise(billing.createInvoice(okaforSale.id(), Set.of(contract.id()), Set.of(searches.id()), Set.of()).id()).id();
        Long second = billing.finalise(billing.createInvoice(okaforSale.id(), Set.of(completion.id()), Set.of(), Set.of()).id()).id();
        // Published in this transaction through the same queue as staff publishing: the consumer makes
        // the published versions once it commits (or after a restart, as the messages are persistent).
        // (No Review run: run 0 records nothing.)
        publisher.publishInCallersTransaction(0, first, "billie");
        publisher.publishInCallersTransaction(0, second, "billie");
        LOG.info("Demo data loaded: firm Whitlock & Crane LLP, staff admin and billie, three clients (two with portal logins)");
    }

    private Matter client(String name, ClientKind kind, String contactName, String email,
                          String matterNumber, String matterTitle, String rate, StaffUser responsible) {
        return client(name, kind, contactName, email, matterNumber, matterTitle, rate, responsible, true);
    }

    /** @param portal whether the billing contact already has a registered portal with portal invoices on */
    private Matter client(String name, ClientKind kind, String contactName, String email,
                          String matterNumber, String matterTitle, String rate, StaffUser responsible, boolean portal) {
        Client client = new Client(name, kind);
        client.setPortalInvoices(portal);
        em.persist(client);
        Contact contact = new Contact(client, contactName, email, true);
        em.persist(contact);
        Matter matter = new Matter(client, matterNumber, matterTitle, Money.of(rate, "GBP"), responsible);
        em.persist(matter);
        if (portal) {
            PortalUser user = PortalUser.registered(contact, email, Passwords.hash(PORTAL_PASSWORD));
            em.persist(user);
            matter.addRecipient(user);
        }
        return matter;
    }

    private TimeEntry time(Matter matter, StaffUser staff, LocalDate date, String hours, String narrative) {
        TimeEntry entry = new TimeEntry(matter, staff, date, new BigDecimal(hours), matter.hourlyRate(), narrative);
        em.persist(entry);
        return entry;
    }


    /** Connects the demo's payment account to the sandbox, trying again for a minute while it does not answer. */
    @Timeout
    void connectSandbox(Timer timer) {
        int attempt = timer.getInfo() instanceof Integer n ? n : 1;
        try {
            accounts.connectPaymentAccount(ProcessorKind.SANDBOX, false, "Sandbox (demo)", null, null, null);
            LOG.info("The demo's payment account is connected to the sandbox processor");
        } catch (RuleViolation e) {
            if (attempt < 12) {
                timers.createSingleActionTimer(5_000, new TimerConfig(attempt + 1, false));
            } else {
                LOG.warning(() -> e.getMessage() + " The demo's payment account has no keys: save it once on Setup › Firm.");
            }
        }
    }

    private static String setupCode() {
        try {
            return Files.readString(FirstRunSetup.codeFile()).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("The demo data needs the setup code of " + FirstRunSetup.codeFile(), e);
        }
    }
}
