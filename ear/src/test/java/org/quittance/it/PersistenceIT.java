package org.quittance.it;

import jakarta.annotation.Resource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quittance.billing.entity.TimeEntry;
import org.quittance.clients.entity.Client;
import org.quittance.clients.entity.ClientKind;
import org.quittance.clients.entity.Matter;
import org.quittance.money.Money;
import org.quittance.staff.boundary.StaffAccounts;
import org.quittance.staff.entity.StaffRole;
import org.quittance.staff.entity.StaffUser;

import jakarta.ejb.EJB;
import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The persistence wiring: EclipseLink (from the EAR) on the PostgreSQL datasource, schema by Flyway. */
@ExtendWith(ArquillianExtension.class)
class PersistenceIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.quittanceWith(PersistenceIT.class);
    }

    @PersistenceContext(unitName = "quittance")
    EntityManager em;

    @Resource
    UserTransaction tx;

    @Resource(lookup = "java:jboss/datasources/QuittanceDS")
    DataSource dataSource;

    @EJB
    StaffAccounts staffAccounts;

    @Test
    void theDatasourceIsPostgreSqlAndTheSchemaIsMigrated() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertEquals("PostgreSQL", connection.getMetaData().getDatabaseProductName());
            var rs = connection.createStatement().executeQuery(
                    "SELECT count(*) FILTER (WHERE NOT success), count(*) FILTER (WHERE version = '2') FROM flyway_schema_history");
            rs.next();
            assertEquals(0, rs.getInt(1), "no failed migration");
            assertEquals(1, rs.getInt(2), "the billing migration (V2) ran");
        }
    }

    @Test
    void theSandboxKeepsItsRecordsInItsOwnSchemaApartFromTheFirmsBooks() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            var rs = connection.createStatement().executeQuery("""
                    SELECT count(*) FILTER (WHERE table_schema = 'public' AND table_name LIKE 'sandbox%'),
                           count(*) FILTER (WHERE table_schema = 'sandbox' AND table_name IN ('objects', 'idempotency_keys', 'events', 'payout_items'))
                    FROM information_schema.tables""");
            rs.next();
            assertEquals(0, rs.getInt(1), "no sandbox table among the product's");
            assertEquals(4, rs.getInt(2), "the sandbox (on in the tests) made its own");
        }
    }

    @Test
    void aTimeEntryRoundTripsThroughEclipseLinkWithItsMoney() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        StaffUser staff = staffAccounts.create("it-" + suffix, "Round Trip", "rt-" + suffix + "@example.com",
                "a long enough password", EnumSet.of(StaffRole.BILLING));

        tx.begin();
        Client client = new Client("Round Trip " + suffix, ClientKind.ORGANISATION);
        em.persist(client);
        Matter matter = new Matter(client, "RT-" + suffix, "Round trip", Money.of("240.00", "EUR"), em.merge(staff));
        em.persist(matter);
        TimeEntry entry = new TimeEntry(matter, em.merge(staff), LocalDate.of(2026, 11, 2), new BigDecimal("1.25"),
                matter.hourlyRate(), "Drafting");
        em.persist(entry);
        tx.commit();
        em.clear();

        TimeEntry read = em.find(TimeEntry.class, entry.id());
        assertEquals(Money.of("240.00", "EUR"), read.rate());
        assertEquals(Money.of("300.00", "EUR"), read.value());
        assertEquals(new BigDecimal("1.25"), read.hours());
        assertEquals("RT-" + suffix, read.matter().number());
        assertEquals(EnumSet.of(StaffRole.BILLING), read.staff().roles());
    }
}
