package org.quittance.bankfiles.boundary;

import org.quittance.bankfiles.entity.AchReturnEntry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.quittance.audit.boundary.AuditTrail;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.firm.entity.Firm;
import org.quittance.mail.boundary.Mailer;
import org.quittance.platform.control.AdvisoryLock;
import org.quittance.bankfiles.control.AchReasons;
import org.quittance.bankfiles.control.AchReturnFile;
import org.quittance.bankfiles.control.FileRefused;
import org.quittance.receipts.control.ReceiptPosting;
import org.quittance.bankfiles.entity.AchOutcome;
import org.quittance.bankfiles.entity.AchReturn;
import org.quittance.bankfiles.entity.AchReturnKind;
import org.quittance.receipts.entity.PaymentMethod;
import org.quittance.receipts.entity.Receipt;
import org.quittance.receipts.entity.ReceiptState;
import org.quittance.security.entity.Roles;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The firm's bank sends back ACH debits it could not collect (returns: R01 insufficient funds…) and
 * corrections to the payer's bank details (notifications of change). A returned debit takes its receipt
 * off the books as the money never arrived: reversing entries, its invoices open again, and the firm is
 * told. The receipt is the ACH receipt whose reference is the original entry's trace number. Anything the
 * books cannot follow on their own (no such receipt, a different amount) is listed for staff and changes
 * nothing. The file is read and checked whole first; the same return imported again changes nothing.
 */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
public class AchReturnImport {

    /** @param reversed receipts taken off the books; @param attention entries staff must look at; @param known imported before */
    public record Imported(int entries, int reversed, int attention, int known) {
    }

    /** A returned entry as staff see it. */
    public record Row(Long id, OffsetDateTime importedAt, String fileName, String reason, String originalTrace, String name,
                      org.quittance.money.Money amount, AchOutcome outcome, String note) implements java.io.Serializable {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    ReceiptPosting posting;

    @EJB
    AuditTrail audit;

    @EJB
    FirmSettings firmSettings;

    @EJB
    Mailer mailer;

    public Imported importReturns(@NotBlank String fileName, @NotNull byte[] content) {
        String by = audit.caller();
        AchReturnFile.Parsed file = FileRefused.readWhole(fileName, () -> AchReturnFile.parse(new String(content, StandardCharsets.ISO_8859_1)));
        AdvisoryLock.hold(em, "ach-file", file.fileId());
        Set<String> known = known(file.returned());
        OffsetDateTime now = OffsetDateTime.now();
        List<AchReturn> recorded = new ArrayList<>();
        for (AchReturnEntry entry : file.returned()) {
            if (known.contains(key(entry))) {
                continue;
            }
            AchReturn row = apply(file.fileId(), fileName, entry, by, now);
            em.persist(row);
            recorded.add(row);
        }
        em.flush();
        int reversed = (int) recorded.stream().filter(r -> r.outcome() == AchOutcome.REVERSED).count();
        int attention = (int) recorded.stream().filter(r -> r.outcome() != AchOutcome.REVERSED && r.outcome() != AchOutcome.NOTHING_TO_REVERSE).count();
        audit.record(by, AuditTrail.BANK_FILE, file.fileId(), "ACH return file imported", fileName + ": " + file.returned().size()
                + " returns and notices, " + reversed + " receipts reversed, " + attention + " to look at, "
                + (file.returned().size() - recorded.size()) + " known");
        tellTheFirm(fileName, file.fileId(), recorded);
        return new Imported(file.returned().size(), reversed, attention, file.returned().size() - recorded.size());
    }

    /** The returns and notices imported, newest first. */
    public List<Row> recent(int limit) {
        return em.createQuery("SELECT a FROM AchReturn a ORDER BY a.importedAt DESC, a.id", AchReturn.class)
                .setMaxResults(limit).getResultStream()
                .map(a -> new Row(a.id(), a.importedAt(), a.fileName(), AchReasons.describe(a.code()), a.originalTrace(), a.name(),
                        a.amount(), a.outcome(), a.note()))
                .toList();
    }

    private AchReturn apply(String fileId, String fileName, AchReturnEntry entry, String by, OffsetDateTime now) {
        String reason = AchReasons.describe(entry.code());
        if (entry.kind() == AchReturnKind.NOTICE_OF_CHANGE) {
            return new AchReturn(fileId, fileName, entry, AchOutcome.NOTICE_OF_CHANGE, "Notice of change " + reason + " for trace "
                    + entry.originalTrace() + ": the corrected data is \"" + entry.detail() + "\". Update the payer's bank details "
                    + "before the next debit; the books do not change.", null, by, now);
        }
        if (!entry.debit()) {
            return new AchReturn(fileId, fileName, entry, AchOutcome.RETURNED_CREDIT, "A credit the firm sent came back (" + reason
                    + "): it was not a client's payment, so no receipt changes. Check the payment it was for.", null, by, now);
        }
        List<Receipt> receipts = receiptsWithTrace(entry.originalTrace());
        if (receipts.isEmpty()) {
            return new AchReturn(fileId, fileName, entry, AchOutcome.NO_RECEIPT, "Return " + reason + ": no ACH receipt has trace "
                    + entry.originalTrace() + ", so nothing was reversed. If the payment is on the books under another reference, undo its acceptance and reject it.",
                    null, by, now);
        }
        if (receipts.size() > 1) {
            return new AchReturn(fileId, fileName, entry, AchOutcome.REVIEW, "Return " + reason + ": " + receipts.size()
                    + " ACH receipts have trace " + entry.originalTrace() + "; none was reversed. Undo the acceptance of the right one and reject it.", null, by, now);
        }
        Receipt receipt = posting.locked(receipts.get(0).id());
        if (!receipt.gross().equals(entry.amount())) {
            return new AchReturn(fileId, fileName, entry, AchOutcome.REVIEW, "Return " + reason + " of " + entry.amount() + ", but receipt "
                    + receipt.paymentReference() + " is for " + receipt.gross() + "; it was not reversed. Check it with the bank.",
                    receipt.id(), by, now);
        }
        if (receipt.state() == ReceiptState.REJECTED || receipt.state() == ReceiptState.REVERSED) {
            return new AchReturn(fileId, fileName, entry, AchOutcome.NOTHING_TO_REVERSE, "Return " + reason + ": receipt "
                    + receipt.paymentReference() + " is already " + receipt.state().label().toLowerCase() + ".", receipt.id(), by, now);
        }
        boolean wasOnTheBooks = receipt.state() == ReceiptState.ACCEPTED;
        posting.takeBack(receipt.id(), "ACH return " + reason, by, true);
        return new AchReturn(fileId, fileName, entry, AchOutcome.REVERSED, "Return " + reason + ": receipt " + receipt.paymentReference()
                + " reversed" + (wasOnTheBooks ? "; the invoices it paid are open again." : " before it was accepted."), receipt.id(), by, now);
    }

    /** An ACH receipt is known by the original entry's trace: entered as its reference, or the end of a bank file's reference. */
    private List<Receipt> receiptsWithTrace(String trace) {
        return em.createQuery("""
                        SELECT r FROM Receipt r WHERE r.method = :ach
                        AND (r.paymentReference = :trace OR r.paymentReference LIKE :ending) ORDER BY r.id""", Receipt.class)
                .setParameter("ach", PaymentMethod.ACH).setParameter("trace", trace).setParameter("ending", "% " + trace)
                .getResultList();
    }

    private Set<String> known(List<AchReturnEntry> entries) {
        if (entries.isEmpty()) {
            return Set.of();
        }
        return em.createQuery("SELECT a FROM AchReturn a WHERE a.originalTrace IN :traces", AchReturn.class)
                .setParameter("traces", entries.stream().map(AchReturnEntry::originalTrace).distinct().toList())
                .getResultStream().map(a -> key(a.kind(), a.originalTrace(), a.code())).collect(Collectors.toSet());
    }

    /** A return is known by its kind, the original entry's trace and its code (the table's unique key). */
    private static String key(AchReturnEntry entry) {
        return key(entry.kind(), entry.originalTrace(), entry.code());
    }

    private static String key(AchReturnKind kind, String originalTrace, String code) {
        return kind + ":" + originalTrace + ":" + code;
    }

    /** One e-mail per file to the firm's accounts address (else the portal administrator), listing what each entry did. */
    private void tellTheFirm(String fileName, String fileId, List<AchReturn> recorded) {
        Firm firm = firmSettings.firm();
        String to = firm.email() != null ? firm.email() : firm.portalAdminEmail();
        if (recorded.isEmpty() || to == null) {
            return;
        }
        StringBuilder body = new StringBuilder("The bank's ACH return file ").append(fileName).append(" was imported.\n\n");
        for (AchReturn r : recorded) {
            body.append("- ").append(r.outcome().label()).append(": ").append(firm.formats().money(r.amount())).append(", ").append(r.name())
                    .append(", trace ").append(r.originalTrace()).append("\n  ").append(r.note()).append("\n");
        }
        body.append("\n").append(firm.name()).append(" · Quittance\n");
        long reversed = recorded.stream().filter(r -> r.outcome() == AchOutcome.REVERSED).count();
        mailer.queue("ach-returns:" + fileId + ":" + recorded.get(0).id(), to, "ACH returns: " + recorded.size() + " entries, "
                + reversed + " receipts reversed (" + fileName + ")", body.toString());
    }
}
