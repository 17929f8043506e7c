package org.quittance.platform.control;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.PdfCopy;
import com.lowagie.text.pdf.PdfReader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Several PDFs as one, each page as it was drawn (OpenPDF's page copy: nothing is re-rendered). */
public final class PdfMerge {

    private PdfMerge() {
    }

    public static byte[] merge(List<byte[]> documents) {
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("Nothing to merge");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(documents.stream().mapToInt(d -> d.length).sum() + 1024);
        Document merged = new Document();
        try {
            PdfCopy copy = new PdfCopy(merged, out);
            merged.open();
            for (byte[] document : documents) {
                PdfReader reader = new PdfReader(document);
                for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                    copy.addPage(copy.getImportedPage(reader, page));
                }
                copy.freeReader(reader);
                reader.close();
            }
            merged.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot merge the PDFs", e);
        }
        return out.toByteArray();
    }
}
