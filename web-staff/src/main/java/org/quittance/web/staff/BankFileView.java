package org.quittance.web.staff;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import org.quittance.receipts.boundary.AchReturnImport;
import org.quittance.receipts.boundary.BankStatementImport;
import org.quittance.receipts.boundary.SettlementFiles;
import org.quittance.receipts.control.AchReturnFile;
import org.quittance.receipts.control.SettlementCsv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Receipts › Import a file: a processor's settlement file (CSV whose header names the balance
 * transaction), a BAI2 statement or a NACHA ACH return file, told apart by their first line (BAI2
 * records are comma-separated, ACH records fixed-width), goes whole to its import, which checks it
 * before recording anything.
 */
@Named
@RequestScoped
public class BankFileView {

    @EJB
    BankStatementImport bankFiles;

    @EJB
    AchReturnImport achReturns;

    @EJB
    SettlementFiles settlementFiles;

    /** The Receipts screen's own state: its table must show the new receipts. */
    @Inject
    ReceiptsView receiptsView;

    private Part file;

    public void importFile() {
        if (file == null || file.getSize() == 0) {
            Feedback.error("Choose the bank file to import.");
            return;
        }
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = in.readAllBytes();
        } catch (IOException e) {
            Feedback.error("The file could not be read: " + e.getMessage());
            return;
        }
        String name = file.getSubmittedFileName() == null ? "bank file" : file.getSubmittedFileName();
        String start = new String(content, 0, Math.min(content.length, 2_000), StandardCharsets.ISO_8859_1);
        if (SettlementCsv.looksLikeOne(start)) {
            importSettlement(name, content);
        } else if (AchReturnFile.looksLikeOne(start)) {
            importReturns(name, content);
        } else {
            importStatement(name, content);
        }
    }

    private void importSettlement(String name, byte[] content) {
        SettlementFiles.Upload upload = Feedback.attempt(() -> settlementFiles.upload(name, content), null);
        if (upload != null) {
            receiptsView.follow(upload.executionId());
            Feedback.info(name + ": " + upload.transactions() + " settled transactions, " + upload.payments() + " card payments"
                    + (upload.before() ? " — this file was imported before (run " + upload.executionId() + "); nothing more is imported."
                    : "; the import runs now (run " + upload.executionId() + ")."));
        }
    }

    private void importStatement(String name, byte[] content) {
        BankStatementImport.Imported done = Feedback.attempt(() -> bankFiles.importBai2(name, content), null);
        if (done != null) {
            receiptsView.applyFilter();
            Feedback.info(name + ": " + done.credits() + " credits, " + done.recorded() + " new bank receipts waiting in Integrated Receipts"
                    + (done.known() > 0 ? ", " + done.known() + " already imported before" : "") + ".");
        }
    }

    private void importReturns(String name, byte[] content) {
        AchReturnImport.Imported done = Feedback.attempt(() -> achReturns.importReturns(name, content), null);
        if (done != null) {
            receiptsView.applyFilter();
            receiptsView.showReturns();
            Feedback.info(name + ": " + done.entries() + " returns and notices, " + done.reversed() + " receipts reversed, "
                    + done.attention() + " for you to look at" + (done.known() > 0 ? ", " + done.known() + " already imported before" : "") + ".");
        }
    }

    public Part getFile() { return file; }
    public void setFile(Part file) { this.file = file; }
}
