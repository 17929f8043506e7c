package org.quittance.demo.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.billing.entity.Expense;
import org.quittance.billing.entity.TimeEntry;
import org.quittance.clients.entity.Client;
import org.quittance.clients.entity.ClientKind;
import org.quittance.clients.entity.Contact;
import org.quittance.clients.entity.Matter;
import org.quittance.firm.entity.Firm;
import org.quittance.money.Money;
import org.quittance.portal.entity.PortalUser;
import org.quittance.security.control.Passwords;
import org.quittance.staff.boundary.StaffAccounts;
import org.quittance.staff.entity.StaffRole;
import org.quittance.staff.entity.StaffUser;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.logging.Logger;

/**
 * Loads a small demo firm on first start when the server runs with quittance.demo-data=true (the
 * README's run command does): a firm, two staff users, two clients with a billing contact and a
 * portal login each, and unbilled time and expenses. It does nothing once a firm exists.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());
    public static final String PORTAL_PASSWORD = "portal-demo-2026";

    @PersistenceContext
    EntityManager em;

    @EJB
    StaffAccounts staffAccounts;

    @PostConstruct
    void loadOnFirstStart() {
        if (!Boolean.getBoolean("quittance.demo-data")) {
            return;
        }
        long firms = em.createQuery("SELECT COUNT(f) FROM Firm f", Long.class).getSingleResult();
        if (firms > 0) {
            return;
        }
        em.persist(new Firm("Whitlock & Crane LLP", "14 Chancery Lane\nLondon WC2A 1PL", "GBP", 30));
        StaffUser admin = staffAccounts.create("admin", "Alex Whitlock", "alex.whitlock@whitlockcrane.example",
                "admin-demo-2026", EnumSet.of(StaffRole.ADMIN, StaffRole.BILLING));
        StaffUser billie = staffAccounts.create("billie", "Billie Crane", "billie.crane@whitlockcrane.example",
                "billing-demo-2026", EnumSet.of(StaffRole.BILLING));

        Matter harbourLease = client("Harbour Lights Ltd", ClientKind.ORGANISATION,
                "Maria Lopez", "maria.lopez@harbourlights.example", "HL-001", "Warehouse lease renewal", "240.00", admin);
        Matter okaforEstate = client("Okafor Family Trust", ClientKind.INDIVIDUAL,
                "James Okafor", "james.okafor@okafortrust.example", "OK-001", "Estate administration", "195.00", billie);

        LocalDate today = LocalDate.now();
        time(harbourLease, admin, today.minusDays(9), "2.50", "Review of landlord's draft lease and schedule of dilapidations");
        time(harbourLease, billie, today.minusDays(7), "1.25", "Call with client on break clause; file note");
        time(harbourLease, admin, today.minusDays(3), "3.00", "Negotiation of rent review terms with landlord's solicitors");
        em.persist(new Expense(harbourLease, today.minusDays(6), "Land Registry official copies", Money.of("7.00", "GBP")));
        em.persist(new Expense(harbourLease, today.minusDays(2), "Courier to landlord's solicitors", Money.of("18.50", "GBP")));

        time(okaforEstate, billie, today.minusDays(12), "4.00", "Preparation of inheritance tax account (IHT400)");
        time(okaforEstate, admin, today.minusDays(5), "0.75", "Letter to beneficiaries on interim distribution");
        em.persist(new Expense(okaforEstate, today.minusDays(10), "Probate application fee", Money.of("300.00", "GBP")));
        LOG.info("Demo data loaded: firm Whitlock & Crane LLP, staff admin and billie, two clients with portal logins");
    }

    private Matter client(String name, ClientKind kind, String contactName, String email,
                          String matterNumber, String matterTitle, String rate, StaffUser responsible) {
        Client client = new Client(name, kind);
        em.persist(client);
        Contact contact = new Contact(client, contactName, email, true);
        em.persist(contact);
        em.persist(PortalUser.registered(contact, email, Passwords.hash(PORTAL_PASSWORD)));
        Matter matter = new Matter(client, matterNumber, matterTitle, Money.of(rate, "GBP"), responsible);
        em.persist(matter);
        return matter;
    }

    private void time(Matter matter, StaffUser staff, LocalDate date, String hours, String narrative) {
        em.persist(new TimeEntry(matter, staff, date, new BigDecimal(hours), matter.hourlyRate(), narrative));
    }
}
