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
import org.quittance.bankfiles.control.Bai2Statement;
import org.quittance.bankfiles.control.FileRefused;
import org.quittance.bankfiles.control.StatementCredits;
import org.quittance.platform.control.SqlValues;
import org.quittance.receipts.control.NewReceipts;
import org.quittance.receipts.control.ReceiptMatch;
import org.quittance.receipts.control.ReceiptMatcher;
import org.quittance.receipts.control.ReceiptMatching;
import org.quittance.receipts.entity.PaymentMethod;
import org.quittance.receipts.entity.Receipt;
import org.quittance.receipts.entity.ReceiptSource;
import org.quittance.security.entity.Roles;

import javax.sql.DataSource;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Payments that reached the firm's bank account outside the portal, from the bank's BAI2 statement
 * file: each credit becomes a bank receipt awaiting acceptance, with a suggested match where its text
 * names an invoice or its amount is one invoice's balance. The file is read and checked whole as it
 * streams in, its credits kept in the same transaction, so a malformed one is refused with its line
 * and reason and nothing of it is kept; then the job bank-statement-import makes the credits receipts a
 * page at a time (a large firm's statement may have a million lines). The same file imported again
 * records nothing twice (a credit's reference is its file, account and bank reference).
 */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
public class BankStatementImport {

    public static final String JOB = "bank-statement-import";

    /**
     * @param credits credits in the file; @param known credits an earlier import of the file recorded
     * @param executionId the run that makes the others receipts; null when there are none
     */
    public record Imported(long statementId, int credits, int known, Long executionId) {
        public int toRecord() {
            return credits - known;
        }
    }

    @PersistenceContext
    EntityManager em;

    /** The persistence unit's data source: within a transaction the same connection as the entity manager's. */
    @Resource(lookup = "java:jboss/datasources/QuittanceDS")
    DataSource dataSource;

    @Resource
    SessionContext context;

    @EJB
    ReceiptMatching matching;

    @EJB
    AuditTrail audit;

    /** Keeps the file (checked whole), then starts the run that makes its new credits receipts. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Imported importBai2(@NotBlank String fileName, @NotNull InputStream content) {
        BankStatementImport self = context.getBusinessObject(BankStatementImport.class);
        Imported kept = self.keep(fileName, content, audit.caller());
        if (kept.toRecord() == 0) {
            return kept;
        }
        Properties parameters = new Properties();
        parameters.setProperty("statement", String.valueOf(kept.statementId()));
        long execution = BatchRuntime.getJobOperator().start(JOB, parameters);
        self.started(kept.statementId(), execution);
        return new Imported(kept.statementId(), kept.credits(), kept.known(), execution);
    }

    /** Reads, checks and keeps the file's credits in one transaction, on the connection of the transaction (COPY). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Imported keep(String fileName, InputStream content, String by) {
        String name = fileName.length() <= 200 ? fileName : fileName.substring(0, 200);
        try (Connection connection = dataSource.getConnection()) {
            long id;
            try (ResultSet next = connection.createStatement().executeQuery("SELECT nextval('bank_statement_seq')")) {
                next.next();
                id = next.getLong(1);
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO bank_statement (id, name, received_at, uploaded_by, uploaded_at) VALUES (?, ?, now(), ?, now())""")) {
                insert.setLong(1, id);
                insert.setString(2, name);
                insert.setString(3, by);
                insert.executeUpdate();
            }
            Bai2Statement.Summary file = FileRefused.readWhole(fileName, () -> copy(connection, id,
                    new InputStreamReader(content, StandardCharsets.ISO_8859_1)));
            int known = StatementCredits.known(connection, id);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE bank_statement SET bai2_id = ?, credits = ?, known = ?, received_at = ? WHERE id = ?")) {
                update.setString(1, file.fileId());
                update.setInt(2, file.credits());
                update.setInt(3, known);
                update.setObject(4, fileDate(file.fileId()));
                update.setLong(5, id);
                update.executeUpdate();
            }
            audit.record(by, AuditTrail.BANK_FILE, file.fileId(), "BAI2 statement imported",
                    name + ": " + file.credits() + " credits, " + (file.credits() - known) + " new");
            return new Imported(id, file.credits(), known, null);
        } catch (SQLException e) {
            throw new IllegalStateException("The bank statement could not be kept: " + e.getMessage(), e);
        }
    }

    private static Bai2Statement.Summary copy(Connection connection, long statementId, Reader content) {
        try {
            return StatementCredits.copy(connection, statementId, content);
        } catch (SQLException e) {
            throw new IllegalStateException("The bank statement could not be kept: " + e.getMessage(), e);
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void started(long statementId, long executionId) {
        em.createNativeQuery("UPDATE bank_statement SET execution_id = ? WHERE id = ?").setParameter(1, executionId)
                .setParameter(2, statementId).executeUpdate();
    }

    /** A page of a kept statement's credits in file order, after a position (the job's reader). */
    @PermitAll  // the import job's reader, on a batch thread without a caller
    public List<StatementCredits.Kept> credits(long statementId, int afterPosition, int limit) {
        try (Connection connection = dataSource.getConnection()) {
            return StatementCredits.page(connection, statementId, afterPosition, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("The bank statement's credits could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * A page of credits as bank receipts, in the chunk's transaction: each under its reference's lock,
     * the ones an earlier import recorded left alone, the others matched together and written together.
     */
    @PermitAll  // the import job's writer
    public void record(long statementId, List<StatementCredits.Kept> credits) {
        List<String> references = credits.stream().map(StatementCredits.Kept::reference).toList();
        AdvisoryLock.holdAll(em, "receipt", references.stream().map(r -> ReceiptSource.BANK + ":" + r).toList());
        Set<String> known = known(references);
        List<StatementCredits.Kept> fresh = credits.stream().filter(c -> !known.contains(c.reference())).toList();
        if (fresh.isEmpty()) {
            return;
        }
        OffsetDateTime received = SqlValues.timestamp(em.createNativeQuery("SELECT received_at FROM bank_statement WHERE id = ?")
                .setParameter(1, statementId).getSingleResult());
        OffsetDateTime now = OffsetDateTime.now();
        List<ReceiptMatch> matches = matching.matchAll(fresh.stream()
                .map(c -> new ReceiptMatcher.Facts(c.credit().amount(), Map.of(), null, text(c.credit()))).toList());
        NewReceipts receipts = new NewReceipts();
        for (int i = 0; i < fresh.size(); i++) {
            Bai2Statement.Credit credit = fresh.get(i).credit();
            String text = text(credit);
            Receipt receipt = new Receipt(ReceiptSource.BANK, method(credit.typeCode()), fresh.get(i).reference(), credit.amount(), received,
                    abbreviate(text.isEmpty() ? "Bank credit, type " + credit.typeCode() : text, 500), now);
            ReceiptMatch match = matches.get(i);
            receipt.match(match.kind(), match.clientId(), match.split().invoices(), match.reason());
            receipts.add(receipt);
        }
        try (Connection connection = dataSource.getConnection()) {
            receipts.write(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("The bank receipts could not be written: " + e.getMessage(), e);
        }
    }

    private static String text(Bai2Statement.Credit credit) {
        return String.join(" ", credit.text(), credit.customerReference(), credit.bankReference()).strip();
    }

    /**
     * Which of these references earlier imports recorded: one query for the page, the references
     * in one parameter, the source in the SQL (so that the partial unique index serves it).
     */
    private Set<String> known(List<String> references) {
        if (references.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<String> found = em.createNativeQuery("SELECT payment_reference FROM receipt WHERE source = '" + ReceiptSource.BANK.name()
                        + "' AND payment_reference = ANY (string_to_array(?, chr(30)))")
                .setParameter(1, String.join("\u001e", references)).getResultList();
        return Set.copyOf(found);
    }

    /** BAI2 detail type codes: lockbox and cheque deposits, wires, and the rest (ACH, transfers). */
    static PaymentMethod method(String typeCode) {
        int code = Integer.parseInt(typeCode);
        if ((code >= 115 && code <= 122) || (code >= 171 && code <= 175)) {
            return PaymentMethod.CHEQUE;
        }
        if (code >= 191 && code <= 208) {
            return PaymentMethod.WIRE;
        }
        return PaymentMethod.ACH;
    }

    /** The file's creation date (YYMMDD in the 01 header), else today. */
    private static OffsetDateTime fileDate(String fileId) {
        String[] parts = fileId.split("/");
        try {
            return LocalDate.parse(parts[1], DateTimeFormatter.ofPattern("yyMMdd")).atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime();
        } catch (DateTimeParseException | ArrayIndexOutOfBoundsException e) {
            return OffsetDateTime.now();
        }
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
