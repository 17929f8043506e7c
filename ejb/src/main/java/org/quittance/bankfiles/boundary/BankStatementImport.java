package org.quittance.bankfiles.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.quittance.audit.boundary.AuditTrail;
import org.quittance.platform.control.AdvisoryLock;
import org.quittance.bankfiles.control.Bai2Statement;
import org.quittance.bankfiles.control.FileRefused;
import org.quittance.receipts.control.ReceiptMatch;
import org.quittance.receipts.control.ReceiptMatcher;
import org.quittance.receipts.control.ReceiptMatching;
import org.quittance.receipts.entity.PaymentMethod;
import org.quittance.receipts.entity.Receipt;
import org.quittance.receipts.entity.ReceiptSource;
import org.quittance.security.entity.Roles;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Payments that reached the firm's bank account outside the portal, from the bank's BAI2 statement
 * file: each credit becomes a bank receipt awaiting acceptance, with a suggested match where its text
 * names an invoice or its amount is one invoice's balance. The file is read and checked whole first,
 * so a malformed one is refused with its line and reason and nothing of it is recorded; the same file
 * imported again records nothing twice (a credit's reference is its file, account and bank reference).
 */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
public class BankStatementImport {

    /** @param credits credits in the file; @param recorded new receipts; @param known credits already imported before */
    public record Imported(int credits, int recorded, int known) {
    }

    private static final int MATCHED_TOGETHER = 200;

    @PersistenceContext
    EntityManager em;

    @EJB
    ReceiptMatching matching;

    @EJB
    AuditTrail audit;

    public Imported importBai2(@NotBlank String fileName, @NotNull byte[] content) {
        String by = audit.caller();
        Bai2Statement.Parsed file = FileRefused.readWhole(fileName, () -> Bai2Statement.parse(new String(content, StandardCharsets.ISO_8859_1)));
        AdvisoryLock.hold(em, "bank-file", file.fileId());
        OffsetDateTime received = fileDate(file.fileId());
        OffsetDateTime now = OffsetDateTime.now();
        List<String> references = references(file);
        Set<String> known = known(references);
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0; i < file.credits().size(); i++) {
            if (!known.contains(references.get(i))) {
                fresh.add(i);
            }
        }
        // Matched a group at a time: one query for the candidates of each group.
        for (int from = 0; from < fresh.size(); from += MATCHED_TOGETHER) {
            List<Integer> group = fresh.subList(from, Math.min(fresh.size(), from + MATCHED_TOGETHER));
            List<ReceiptMatch> matches = matching.matchAll(group.stream()
                    .map(i -> new ReceiptMatcher.Facts(file.credits().get(i).amount(), Map.of(), null, text(file.credits().get(i)))).toList());
            for (int g = 0; g < group.size(); g++) {
                Bai2Statement.Credit credit = file.credits().get(group.get(g));
                String text = text(credit);
                Receipt receipt = new Receipt(ReceiptSource.BANK, method(credit.typeCode()), references.get(group.get(g)), credit.amount(), received,
                        abbreviate(text.isEmpty() ? "Bank credit, type " + credit.typeCode() : text, 500), now);
                ReceiptMatch match = matches.get(g);
                receipt.match(match.kind(), match.clientId(), match.split().invoices(), match.reason());
                em.persist(receipt);
            }
        }
        int recorded = fresh.size();
        em.flush();
        audit.record(by, AuditTrail.BANK_FILE, file.fileId(), "BAI2 statement imported",
                fileName + ": " + file.credits().size() + " credits, " + recorded + " new receipts");
        return new Imported(file.credits().size(), recorded, file.credits().size() - recorded);
    }

    private static String text(Bai2Statement.Credit credit) {
        return String.join(" ", credit.text(), credit.customerReference(), credit.bankReference()).strip();
    }

    /**
     * Each credit's reference: the file's identity, the account and the bank's reference (or the
     * credit's line when the bank gives none). Several credits may share a line or a bank reference;
     * the second and later ones are numbered in file order, so the same file always gives the same
     * references.
     */
    static List<String> references(Bai2Statement.Parsed file) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> references = new ArrayList<>(file.credits().size());
        for (Bai2Statement.Credit credit : file.credits()) {
            String own = credit.bankReference().isBlank() ? "line " + credit.line() : credit.bankReference();
            // Control characters never belong in a reference (and would split the look-up's list).
            String base = abbreviate(("BAI2 " + file.fileId() + " " + credit.account() + " " + own).replaceAll("\\p{Cntrl}", " "), 94);
            int n = seen.merge(base, 1, Integer::sum);
            references.add(n == 1 ? base : base + " #" + n);
        }
        return references;
    }

    /**
     * Which of these references earlier imports recorded: one query for the whole file, the references
     * in one parameter (a file may hold more than a statement's parameters), the source in the SQL (so
     * that the partial unique index serves it).
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
