package org.quittance.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quittance.firm.boundary.FirstRunSetup;
import org.quittance.firm.control.SetupCode;
import org.quittance.platform.control.RuleViolation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * First-run setup's rules, on the empty installation's own server (after browser.FirstRunIT): each test
 * takes it back to day one. Two setups at once create one firm; a refused setup creates nothing.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstRunSetupIT {

    private static final String PASSWORD = "a first administrator's password";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.quittanceWith(FirstRunSetupIT.class);
    }

    @EJB
    FirstRunSetup setup;

    @PersistenceContext(unitName = "quittance")
    EntityManager em;

    @Resource
    UserTransaction tx;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Test
    @Order(1)
    void twoSetupsAtOnceCreateOneFirmAndOneAdministrator() throws Exception {
        emptyInstallation();
        String code = SetupCode.generate();
        tx.begin();
        em.createNativeQuery("INSERT INTO setup_code (id, sha256) VALUES (1, ?)").setParameter(1, SetupCode.sha256(code)).executeUpdate();
        tx.commit();

        List<Future<String>> attempts = new ArrayList<>();
        for (String login : List.of("first", "second")) {
            attempts.add(executor.submit(() -> {
                try {
                    setup.complete(code, firm(), new FirstRunSetup.Administrator("Admin " + login, login, "it-" + login + "@example.com", PASSWORD), "10.0.0.1");
                    return "done";
                } catch (RuleViolation e) {
                    return e.getMessage();
                }
            }));
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> attempt : attempts) {
            outcomes.add(attempt.get());
        }
        assertEquals(1, outcomes.stream().filter("done"::equals).count(), outcomes.toString());
        assertTrue(outcomes.stream().anyMatch(o -> o.contains("set up already")), outcomes.toString());
        assertEquals(1L, count("SELECT COUNT(*) FROM firm"));
        assertEquals(1L, count("SELECT COUNT(*) FROM staff_user"));
        assertEquals(0L, count("SELECT COUNT(*) FROM setup_code"), "the code is spent");

        RuleViolation again = assertThrows(RuleViolation.class, () -> setup.complete(code, firm(),
                new FirstRunSetup.Administrator("Late", "late", "late@example.com", PASSWORD), "10.0.0.2"));
        assertTrue(again.getMessage().contains("set up already"), again.getMessage());
        assertEquals(1L, count("SELECT COUNT(*) FROM staff_user"));
    }

    @Test
    @Order(2)
    void aWeakPasswordOrABadFormatIsRefusedWithTheReasonAndCreatesNothing() throws Exception {
        emptyInstallation();
        String code = SetupCode.generate();
        tx.begin();
        em.createNativeQuery("INSERT INTO setup_code (id, sha256) VALUES (1, ?)").setParameter(1, SetupCode.sha256(code)).executeUpdate();
        tx.commit();
        RuleViolation weak = assertThrows(RuleViolation.class, () -> setup.complete(code, firm(),
                new FirstRunSetup.Administrator("Ada", "ada", "ada@example.com", "short"), "10.0.0.3"));
        assertTrue(weak.getMessage().contains("at least 12 characters"), weak.getMessage());
        FirstRunSetup.FirmIdentity badFormat = new FirstRunSetup.FirmIdentity("Lovelace & Babbage", null, null, "GBP", "INV-{NOPE}", 30, "VAT", BigDecimal.ZERO);
        assertThrows(RuleViolation.class, () -> setup.complete(code, badFormat,
                new FirstRunSetup.Administrator("Ada", "ada", "ada@example.com", PASSWORD), "10.0.0.3"));
        assertEquals(0L, count("SELECT COUNT(*) FROM firm") + count("SELECT COUNT(*) FROM staff_user"));
        assertTrue(setup.open());
    }

    private static FirstRunSetup.FirmIdentity firm() {
        return new FirstRunSetup.FirmIdentity("Lovelace & Babbage", "12 Analytical Row", "accounts@lovelace.example", "GBP",
                "INV-{YYYY}-{SEQ:5}", 30, "VAT", new BigDecimal("20"));
    }

    /** Back to day one (this server's database is its own): no firm, no staff. */
    private void emptyInstallation() throws Exception {
        // Never on a server with the demo firm, whose database the other tests share.
        assumeTrue("false".equals(System.getenv("QUITTANCE_DEMO_DATA")), "only on the empty installation's own server");
        tx.begin();
        em.createNativeQuery("TRUNCATE firm, staff_user, setup_code, throttle CASCADE").executeUpdate();
        tx.commit();
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
