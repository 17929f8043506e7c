package org.quittance.bankfiles.boundary;

import org.quittance.receipts.boundary.PaymentTransactionFilter;
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
import org.quittance.payments.processor.SettledTransaction;
import org.quittance.platform.control.AdvisoryLock;
import org.quittance.bankfiles.control.FileRefused;
import org.quittance.bankfiles.control.SettlementCsv;
import org.quittance.security.entity.Roles;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Settlement files uploaded from the processor's dashboard: the other way the receipt import takes the
 * processor's settled transactions (when its API cannot be reached, or to catch up on a past period).
 * The file is checked whole before it is kept; it is kept as uploaded, and the job settlement-file-import
 * reads its transactions from here. The same file uploaded again is not imported twice.
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

    @EJB
    AuditTrail audit;

    @Resource
    SessionContext context;

    /** Checks and keeps the file, then starts its import once the file is committed (the job reads it in its own transactions). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Upload upload(@NotBlank String fileName, @NotNull byte[] content) {
        String by = audit.caller();
        List<SettledTransaction> transactions = FileRefused.readWhole(fileName, () -> SettlementCsv.parse(new String(content, StandardCharsets.UTF_8)));
        long payments = transactions.stream().filter(PaymentTransactionFilter::isPayment).count();
        SettlementFiles self = context.getBusinessObject(SettlementFiles.class);
        Kept kept = self.keep(fileName, content, transactions.size(), by);
        if (kept.before()) {
            return new Upload(kept.fileId(), kept.executionId(), transactions.size(), payments, true);
        }
        Properties parameters = new Properties();
        parameters.setProperty("file", String.valueOf(kept.fileId()));
        long execution = BatchRuntime.getJobOperator().start(JOB, parameters);
        self.started(kept.fileId(), execution, fileName + ": " + transactions.size() + " transactions, " + payments
                + " card payments; import run " + execution, by);
        return new Upload(kept.fileId(), execution, transactions.size(), payments, false);
    }

    /** A file kept, or the same file found kept before (with the run that imported it). */
    public record Kept(long fileId, long executionId, boolean before) {
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Kept keep(String fileName, byte[] content, int transactions, String by) {
        String sha256 = sha256(content);
        AdvisoryLock.hold(em, "settlement-file", sha256);
        Optional<Object[]> earlier = em.createNativeQuery("SELECT id, COALESCE(execution_id, 0) FROM settlement_file WHERE sha256 = ?")
                .setParameter(1, sha256).getResultStream().findFirst().map(Object[].class::cast);
        if (earlier.isPresent()) {
            return new Kept(((Number) earlier.get()[0]).longValue(), ((Number) earlier.get()[1]).longValue(), true);
        }
        long id = ((Number) em.createNativeQuery("SELECT nextval('settlement_file_seq')").getSingleResult()).longValue();
        em.createNativeQuery("""
                        INSERT INTO settlement_file (id, name, sha256, content, transactions, uploaded_by, uploaded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .setParameter(1, id).setParameter(2, fileName.length() <= 200 ? fileName : fileName.substring(0, 200))
                .setParameter(3, sha256).setParameter(4, content).setParameter(5, transactions).setParameter(6, by)
                .setParameter(7, OffsetDateTime.now()).executeUpdate();
        return new Kept(id, 0, false);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void started(long fileId, long execution, String detail, String by) {
        em.createNativeQuery("UPDATE settlement_file SET execution_id = ? WHERE id = ?").setParameter(1, execution).setParameter(2, fileId)
                .executeUpdate();
        audit.record(by, AuditTrail.BANK_FILE, "settlement " + fileId, "settlement file uploaded", detail);
    }

    /** The transactions of an uploaded file, in file order (the job's reader). */
    @PermitAll  // the import job's reader, on a batch thread without a caller
    public List<SettledTransaction> transactions(long fileId) {
        @SuppressWarnings("unchecked")
        List<byte[]> found = em.createNativeQuery("SELECT content FROM settlement_file WHERE id = ?").setParameter(1, fileId).getResultList();
        if (found.isEmpty()) {
            throw new IllegalStateException("No settlement file " + fileId);
        }
        byte[] content = found.get(0);
        return SettlementCsv.parse(new String(content, StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
