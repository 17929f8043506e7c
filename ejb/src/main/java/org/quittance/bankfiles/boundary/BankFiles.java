package org.quittance.bankfiles.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.quittance.bankfiles.control.AchReturnFile;
import org.quittance.bankfiles.control.SettlementCsv;
import org.quittance.security.entity.Roles;

import org.quittance.platform.control.RuleViolation;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The one door for a file from the bank or the processor: a settlement report (CSV whose header names
 * the balance transaction), a NACHA ACH return file (fixed-width records) or a BAI2 statement
 * (comma-separated records), told apart by their first lines and handed to their import, which checks
 * the file whole before it records anything.
 */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
// Each import keeps its own transaction, as when it was called alone.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BankFiles {

    public enum Kind { SETTLEMENT, RETURNS, STATEMENT }

    /**
     * What an import did, in words for the person who sent the file.
     * @param executionId the import job's execution, for a settlement file or a statement (its import runs on); else null
     */
    public record Imported(Kind kind, String summary, Long executionId) {
    }

    @EJB
    SettlementFiles settlementFiles;

    @EJB
    AchReturnImport achReturns;

    @EJB
    BankStatementImport statements;

    /** A return file is read whole into memory: a day's file is far below this. */
    static final int MAX_READ_WHOLE = 10 * 1024 * 1024;

    /**
     * @param content the file as it arrives: a settlement file or a statement streams through (either may
     *                have a million lines), a return file is read whole up to {@link #MAX_READ_WHOLE}
     * @throws org.quittance.platform.control.RuleViolation when the file is refused, with the line and the reason
     */
    public Imported importAny(String name, InputStream content) {
        BufferedInputStream in = new BufferedInputStream(content, 1 << 16);
        String start = new String(head(name, in), StandardCharsets.ISO_8859_1);
        if (SettlementCsv.looksLikeOne(start)) {
            SettlementFiles.Upload upload = settlementFiles.upload(name, in);
            return new Imported(Kind.SETTLEMENT, name + ": " + upload.transactions() + " settled transactions, " + upload.payments() + " card payments"
                    + (upload.before() ? " — this file was imported before (run " + upload.executionId() + "); nothing more is imported."
                    : "; the import runs now (run " + upload.executionId() + ")."), upload.executionId());
        }
        if (AchReturnFile.looksLikeOne(start)) {
            AchReturnImport.Imported done = achReturns.importReturns(name, whole(name, in));
            return new Imported(Kind.RETURNS, name + ": " + done.entries() + " returns and notices, " + done.reversed() + " receipts reversed, "
                    + done.attention() + " for you to look at" + (done.known() > 0 ? ", " + done.known() + " already imported before" : "") + ".", null);
        }
        BankStatementImport.Imported done = statements.importBai2(name, in);
        return new Imported(Kind.STATEMENT, name + ": " + done.credits() + " credits" + (done.known() > 0 ? ", " + done.known() + " imported before" : "")
                + (done.executionId() == null ? "; nothing more is imported."
                : "; " + (done.known() > 0 ? "the other " : "") + done.toRecord() + " become bank receipts in Integrated Receipts now (run "
                + done.executionId() + ")."), done.executionId());
    }

    private static byte[] head(String name, BufferedInputStream in) {
        try {
            in.mark(2_000);
            byte[] head = in.readNBytes(2_000);
            in.reset();
            return head;
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    private static byte[] whole(String name, InputStream in) {
        try {
            byte[] whole = in.readNBytes(MAX_READ_WHOLE + 1);
            if (whole.length > MAX_READ_WHOLE) {
                throw new RuleViolation(name + " was not imported: a bank statement or return file may have at most "
                        + MAX_READ_WHOLE / 1024 / 1024 + " MB, and this one has more.");
            }
            return whole;
        } catch (IOException e) {
            throw unreadable(name, e);
        }
    }

    private static RuleViolation unreadable(String name, IOException e) {
        return new RuleViolation(name + " could not be read: " + e.getMessage());
    }
}
