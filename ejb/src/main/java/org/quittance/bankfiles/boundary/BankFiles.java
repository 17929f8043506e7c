package org.quittance.bankfiles.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.quittance.bankfiles.control.AchReturnFile;
import org.quittance.bankfiles.control.SettlementCsv;
import org.quittance.security.entity.Roles;

import java.nio.charset.StandardCharsets;

/**
 * The one door for a file from the bank or the processor: a settlement report (CSV whose header names
 * the balance transaction), a NACHA ACH return file (fixed-width records) or a BAI2 statement
 * (comma-separated records), told apart by their first lines and handed whole to their import, which
 * checks the file before it records anything.
 */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
// Each import keeps its own transaction, as when it was called alone.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BankFiles {

    public enum Kind { SETTLEMENT, RETURNS, STATEMENT }

    /**
     * What an import did, in words for the person who sent the file.
     * @param executionId the import job's execution, for a settlement file (its import runs on); else null
     */
    public record Imported(Kind kind, String summary, Long executionId) {
    }

    @EJB
    SettlementFiles settlementFiles;

    @EJB
    AchReturnImport achReturns;

    @EJB
    BankStatementImport statements;

    /** @throws org.quittance.platform.control.RuleViolation when the file is refused, with the line and the reason */
    public Imported importAny(String name, byte[] content) {
        String start = new String(content, 0, Math.min(content.length, 2_000), StandardCharsets.ISO_8859_1);
        if (SettlementCsv.looksLikeOne(start)) {
            SettlementFiles.Upload upload = settlementFiles.upload(name, content);
            return new Imported(Kind.SETTLEMENT, name + ": " + upload.transactions() + " settled transactions, " + upload.payments() + " card payments"
                    + (upload.before() ? " — this file was imported before (run " + upload.executionId() + "); nothing more is imported."
                    : "; the import runs now (run " + upload.executionId() + ")."), upload.executionId());
        }
        if (AchReturnFile.looksLikeOne(start)) {
            AchReturnImport.Imported done = achReturns.importReturns(name, content);
            return new Imported(Kind.RETURNS, name + ": " + done.entries() + " returns and notices, " + done.reversed() + " receipts reversed, "
                    + done.attention() + " for you to look at" + (done.known() > 0 ? ", " + done.known() + " already imported before" : "") + ".", null);
        }
        BankStatementImport.Imported done = statements.importBai2(name, content);
        return new Imported(Kind.STATEMENT, name + ": " + done.credits() + " credits, " + done.recorded() + " new bank receipts waiting in Integrated Receipts"
                + (done.known() > 0 ? ", " + done.known() + " already imported before" : "") + ".", null);
    }
}
