package org.quittance.web.staff;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import org.quittance.receipts.boundary.BankStatementImport;

import java.io.IOException;
import java.io.InputStream;

/** Receipts › Import a bank statement: the uploaded BAI2 file goes whole to the import, which checks it before recording. */
@Named
@RequestScoped
public class BankFileView {

    @EJB
    BankStatementImport bankFiles;

    /** The Receipts screen's own state: its table must show the new receipts. */
    @Inject
    ReceiptsView receiptsView;

    private Part file;

    public void importFile() {
        if (file == null || file.getSize() == 0) {
            Feedback.error("Choose the BAI2 file to import.");
            return;
        }
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = in.readAllBytes();
        } catch (IOException e) {
            Feedback.error("The file could not be read: " + e.getMessage());
            return;
        }
        String name = file.getSubmittedFileName() == null ? "statement" : file.getSubmittedFileName();
        BankStatementImport.Imported done = Feedback.attempt(() -> bankFiles.importBai2(name, content, Feedback.user()), null);
        if (done != null) {
            receiptsView.applyFilter();
            Feedback.info(name + ": " + done.credits() + " credits, " + done.recorded() + " new bank receipts waiting in Integrated Receipts"
                    + (done.known() > 0 ? ", " + done.known() + " already imported before" : "") + ".");
        }
    }

    public Part getFile() { return file; }
    public void setFile(Part file) { this.file = file; }
}
