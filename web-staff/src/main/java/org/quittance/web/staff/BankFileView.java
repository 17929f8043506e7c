package org.quittance.web.staff;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import org.quittance.bankfiles.boundary.BankFiles;

import java.io.IOException;
import java.io.InputStream;

/** Receipts › Import a file: the file goes whole to {@link BankFiles}, which tells its format and imports it. */
@Named
@RequestScoped
public class BankFileView {

    @EJB
    BankFiles bankFiles;

    /** The Receipts screen's own state: its table must show the new receipts. */
    @Inject
    ReceiptsView receiptsView;

    private Part file;

    public void importFile() {
        if (file == null || file.getSize() == 0) {
            Feedback.error("Choose the bank file to import.");
            return;
        }
        String name = file.getSubmittedFileName() == null ? "bank file" : file.getSubmittedFileName();
        BankFiles.Imported done;
        try (InputStream in = file.getInputStream()) {
            done = Feedback.attempt(() -> bankFiles.importAny(name, in), null);
        } catch (IOException e) {
            Feedback.error("The file could not be read: " + e.getMessage());
            return;
        }
        if (done == null) {
            return;
        }
        switch (done.kind()) {
            case RETURNS -> {
                receiptsView.applyFilter();
                receiptsView.showReturns();
            }
            case SETTLEMENT, STATEMENT -> {
                if (done.executionId() != null) {
                    receiptsView.follow(done.executionId());
                } else {
                    receiptsView.applyFilter();
                }
            }
        }
        Feedback.info(done.summary());
    }

    public Part getFile() { return file; }
    public void setFile(Part file) { this.file = file; }
}
