package org.quittance.bankfiles.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.quittance.audit.boundary.AuditTrail;
import org.quittance.platform.control.AdvisoryLock;
import org.quittance.bankfiles.control.FileRefused;
import org.quittance.bankfiles.control.SettlementCsv;
import org.quittance.bankfiles.control.SettlementLines;
import org.quittance.security.entity.Roles;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import javax.sql.DataSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * Settlement files uploaded from the processor's dashboard: the other way the receipt import takes the
 * processor's settled transactions (when its API cannot be reached, or to catch up on a past period).
 * The file is checked whole as it streams in and its transactions are kept line by line (a large firm's
 * file has a million lines); the job settlement-file-import reads them from here a page at a time. The
 * same file uploaded again is not imported twice.
 */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
public class SettlementFiles {

    public static final String JOB = "settlement-file-import";

    /** @param executionId the import job's run; @param before whether this very file was uploaded earlier */
    public record Upload(long fileId, long executionId, int transactions, long payments, boolean before) {
    }

    @PersistenceContext
    EntityManager em;

    /** The persistence unit's data source: within a transaction the same connection as the entity manager's. */
    @Resource(lookup = "java:jboss/datasources/QuittanceDS")
    DataSource dataSource;

    @EJB
    AuditTrail audit;

    @Resource
    SessionContext context;

    /**
     * Checks and keeps the file as it streams in, then starts its import once the file is committed
     * (the job reads it in its own transactions). Nothing of a refused file is kept.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Upload upload(@NotBlank String fileName, @NotNull InputStream content) {
        String by = audit.caller();
        SettlementFiles self = context.getBusinessObject(SettlementFiles.class);
        Kept kept = self.keep(fileName, content, by);
        if (kept.before() && kept.executionId() > 0) {
            return new Upload(kept.fileId(), kept.executionId(), kept.transactions(), kept.payments(), true);
        }
        // A new file, or one kept before whose run never started (the server stopped in between): its
        // payments would otherwise never be imported, as the same file again counts as imported before.
        Properties parameters = new Properties();
        parameters.setProperty("file", String.valueOf(kept.fileId()));
        long execution = BatchRuntime.getJobOperator().start(JOB, parameters);
        self.started(kept.fileId(), execution, fileName + ": " + kept.transactions() + " transactions, " + kept.payments()
                + " card payments; import run " + execution + (kept.before() ? " (the file was kept before without a run)" : ""), by);
        return new Upload(kept.fileId(), execution, kept.transactions(), kept.payments(), false);
    }

    /** A file kept, or the same file found kept before (with the run that imported it). */
    public record Kept(long fileId, long executionId, boolean before, int transactions, long payments) {
    }

    /**
     * Reads, checks and keeps the file's lines in one transaction, on the connection of the
     * transaction (COPY through the driver); the same file (by its SHA-256) kept before is found
     * instead, and what was read of it again is rolled back.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Kept keep(String fileName, InputStream content, String by) {
        MessageDigest sha256 = sha256();
        try (Connection connection = dataSource.getConnection()) {
            long id = single(connection, "SELECT nextval('settlement_file_seq')");
            SettlementLines.Staged staged = FileRefused.readWhole(fileName, () -> copy(connection, id,
                    new InputStreamReader(new DigestInputStream(content, sha256), StandardCharsets.UTF_8)));
            String digest = HexFormat.of().formatHex(sha256.digest());
            AdvisoryLock.hold(connection, "settlement-file", digest);
            try (PreparedStatement earlier = connection.prepareStatement(
                    "SELECT id, COALESCE(execution_id, 0), transactions FROM settlement_file WHERE sha256 = ?")) {
                earlier.setString(1, digest);
                try (ResultSet found = earlier.executeQuery()) {
                    if (found.next()) {
                        context.setRollbackOnly();  // its lines, read again for nothing
                        return new Kept(found.getLong(1), found.getLong(2), true, found.getInt(3), staged.payments());
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO settlement_file (id, name, sha256, content, transactions, uploaded_by, uploaded_at)
                    VALUES (?, ?, ?, NULL, ?, ?, ?)""")) {
                insert.setLong(1, id);
                insert.setString(2, fileName.length() <= 200 ? fileName : fileName.substring(0, 200));
                insert.setString(3, digest);
                insert.setInt(4, staged.transactions());
                insert.setString(5, by);
                insert.setObject(6, OffsetDateTime.now());
                insert.executeUpdate();
            }
            return new Kept(id, 0, false, staged.transactions(), staged.payments());
        } catch (SQLException e) {
            throw new IllegalStateException("The settlement file could not be kept: " + e.getMessage(), e);
        }
    }

    private static SettlementLines.Staged copy(Connection connection, long fileId, Reader content) {
        try {
            return SettlementLines.copy(connection, fileId, content);
        } catch (SQLException e) {
            throw new IllegalStateException("The settlement file's lines could not be kept: " + e.getMessage(), e);
        }
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void started(long fileId, long execution, String detail, String by) {
        em.createNativeQuery("UPDATE settlement_file SET execution_id = ? WHERE id = ?").setParameter(1, execution).setParameter(2, fileId)
                .executeUpdate();
        audit.record(by, AuditTrail.BANK_FILE, "settlement " + fileId, "settlement file uploaded", detail);
    }

    /**
     * A page of an uploaded file's transactions in file order, after a line (the job's reader). A file
     * kept before its lines were (V26) is read from its bytes, its lines numbered as the reader numbers them.
     */
    @PermitAll  // the import job's reader, on a batch thread without a caller
    public List<SettlementLines.Line> transactions(long fileId, int afterLine, int limit) {
        @SuppressWarnings("unchecked")
        List<byte[]> bytes = em.createNativeQuery("SELECT content FROM settlement_file WHERE id = ? AND content IS NOT NULL")
                .setParameter(1, fileId).getResultList();
        if (!bytes.isEmpty()) {
            List<SettlementLines.Line> lines = new ArrayList<>();
            SettlementCsv.read(new StringReader(new String(bytes.get(0), StandardCharsets.UTF_8)), (line, t) -> {
                if (line > afterLine && lines.size() < limit) {
                    lines.add(new SettlementLines.Line(line, t));
                }
            });
            return lines;
        }
        try (Connection connection = dataSource.getConnection()) {
            return SettlementLines.page(connection, fileId, afterLine, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("The settlement file's lines could not be read: " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
