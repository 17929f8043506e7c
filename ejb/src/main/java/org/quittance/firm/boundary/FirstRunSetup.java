package org.quittance.firm.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.quittance.audit.boundary.AuditTrail;
import org.quittance.firm.control.SetupCode;
import org.quittance.platform.control.AdvisoryLock;
import org.quittance.platform.control.RuleViolation;
import org.quittance.security.boundary.Throttle;
import org.quittance.security.entity.Roles;
import org.quittance.security.control.ThrottleRule;
import org.quittance.staff.boundary.StaffAccounts;
import org.quittance.staff.entity.StaffRole;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one-time setup of an empty installation: the firm's identity and its first administrator,
 * allowed only to whoever holds the code that the server wrote to its log and to a file in its data
 * directory when it started with nothing set up (so that the first stranger to reach a new server
 * cannot claim it). Once done it is gone: a second attempt, or two at once on any node, create
 * nothing. The demo data goes through here too, with the code from that file.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@RunAs(Roles.ADMIN)  // creates the firm and the administrator through the facades that admins use
@PermitAll
public class FirstRunSetup {

    private static final Logger LOG = Logger.getLogger(FirstRunSetup.class.getName());

    public record FirmIdentity(String name, String address, String email, String defaultCurrency, String invoiceNumberFormat,
                               int paymentTermsDays, String taxLabel, BigDecimal taxRatePercent) {
    }

    public record Administrator(String displayName, String login, String email, String password) {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    FirmSettings firmSettings;

    @EJB
    StaffAccounts staffAccounts;

    @EJB
    AuditTrail audit;

    @EJB
    Throttle throttle;

    @Resource
    TransactionSynchronizationRegistry transaction;

    /** Where the code of an open setup is written: the server's data directory, readable by its owner only. */
    public static Path codeFile() {
        return org.quittance.platform.control.Settings.dataDirectory().resolve("quittance").resolve("setup-code");
    }

    @PostConstruct
    void announceWhileOpen() {
        try {
            if (open()) {
                String code = keepCode();
                if (org.quittance.platform.control.Settings.demoData()) {
                    LOG.info(() -> "Setup code written to " + codeFile() + " for the demo data");
                    return;
                }
                LOG.warning(() -> """

                        ================================================================
                         Quittance is not set up yet. Open /staff/ and enter this setup code:

                             %s

                         (also in %s; it works once, until the setup is done)
                        ================================================================""".formatted(code, codeFile()));
            }
        } catch (RuntimeException e) {
            // Never keep the application from starting; the next start announces again.
            LOG.log(Level.WARNING, "Could not prepare first-run setup", e);
        }
    }

    /** Nothing set up yet: no firm and no staff user. */
    @Lock(LockType.READ)
    public boolean open() {
        return ((Number) em.createNativeQuery("SELECT (SELECT COUNT(*) FROM firm) + (SELECT COUNT(*) FROM staff_user)")
                .getSingleResult()).longValue() == 0;
    }

    /** @throws RuleViolation if setup is done already, the code is not right, or the address tried too often */
    public void complete(String code, FirmIdentity firm, Administrator administrator, String remoteAddress) {
        if (!throttle.attempt(ThrottleRule.SETUP_BY_ADDRESS, remoteAddress)) {
            throw new RuleViolation("Too many setup attempts from your network. Try again in an hour.");
        }
        AdvisoryLock.hold(em, "first-run-setup", "installation");  // two at once, on any node: one after the other
        if (!open()) {
            throw new RuleViolation("This installation is set up already. Sign in instead.");
        }
        @SuppressWarnings("unchecked")
        List<String> kept = em.createNativeQuery("SELECT sha256 FROM setup_code WHERE id = 1").getResultList();
        if (!SetupCode.matches(code, kept.isEmpty() ? null : kept.get(0))) {
            throw new RuleViolation("The setup code is not right. It is in the server's log and in " + codeFile() + ".");
        }
        firmSettings.createFirm(firm.name(), firm.address(), firm.defaultCurrency(), firm.paymentTermsDays());
        firmSettings.describeFirm(firm.name(), firm.address(), firm.email(), firm.defaultCurrency(), firm.paymentTermsDays(),
                firm.invoiceNumberFormat(), firm.taxLabel(), firm.taxRatePercent(), null);
        staffAccounts.create(administrator.login(), administrator.displayName(), administrator.email(), administrator.password(),
                EnumSet.of(StaffRole.ADMIN, StaffRole.BILLING));
        em.createNativeQuery("DELETE FROM setup_code").executeUpdate();
        audit.record(administrator.login().toLowerCase(java.util.Locale.ROOT), AuditTrail.SETTING, "installation",
                "first-run setup done", firm.name() + "; first administrator " + administrator.login() + ", from " + remoteAddress);
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    forgetCodeFile();
                }
            }
        });
    }

    /** The code of the file if it is still the kept one (a restart), else a new one, kept and written. */
    private String keepCode() {
        Path file = codeFile();
        @SuppressWarnings("unchecked")
        List<String> kept = em.createNativeQuery("SELECT sha256 FROM setup_code WHERE id = 1").getResultList();
        try {
            if (!kept.isEmpty() && Files.isRegularFile(file)) {
                String written = Files.readString(file).strip();
                if (SetupCode.matches(written, kept.get(0))) {
                    return written;
                }
            }
            String code = SetupCode.generate();
            em.createNativeQuery("""
                            INSERT INTO setup_code (id, sha256) VALUES (1, ?)
                            ON CONFLICT (id) DO UPDATE SET sha256 = EXCLUDED.sha256, created_at = now()""")
                    .setParameter(1, SetupCode.sha256(code)).executeUpdate();
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);  // not a POSIX file system
            }
            Files.writeString(file, code + "\n");
            return code;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the setup code to " + file, e);
        }
    }

    private static void forgetCodeFile() {
        try {
            Files.deleteIfExists(codeFile());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Setup is done; delete " + codeFile() + " by hand", e);
        }
    }
}
