package org.quittance.billing.control;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.quittance.billing.entity.LineKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The PDF is read back with another library (PDFBox): what a client's reader shows. */
class InvoicePdfTest {

    private static InvoiceDocument invoice(String number) {
        return new InvoiceDocument("Whitlock & Crane LLP", "14 Chancery Lane\nLondon", "accounts@wc.example", null,
                "Bank transfer: sort code 12-34-56", "Harbour Lights Ltd", "1 Quay Street", "HL-001", "Warehouse lease renewal",
                number, LocalDate.of(2026, 11, 24), LocalDate.of(2026, 12, 24), "GBP",
                List.of(new InvoiceDocument.Line(LineKind.TIME, LocalDate.of(2026, 11, 20), "Review of lease (Alex Whitlock)",
                        new BigDecimal("2.50"), new BigDecimal("240.00"), new BigDecimal("600.00")),
                        new InvoiceDocument.Line(LineKind.EXPENSE, LocalDate.of(2026, 11, 21), "Courier",
                                BigDecimal.ONE, new BigDecimal("18.50"), new BigDecimal("18.50"))),
                new BigDecimal("600.00"), new BigDecimal("18.50"), new BigDecimal("618.50"), BigDecimal.ZERO, new BigDecimal("0.00"),
                "VAT", new BigDecimal("20"), new BigDecimal("120.00"), new BigDecimal("738.50"), new BigDecimal("738.50"),
                null, "http://localhost:8080/portal/invoice.xhtml?id=50", null);
    }

    @Test
    void theInvoiceShowsWhoWhatHowMuchAndHowToPay() throws Exception {
        byte[] pdf = InvoicePdf.render(invoice("INV-2026-00001"));

        assertEquals("%PDF", new String(pdf, 0, 4));
        try (PDDocument read = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(read);
            for (String expected : List.of("Whitlock & Crane LLP", "INV-2026-00001", "Harbour Lights Ltd", "HL-001",
                    "Review of lease", "738.50", "Balance due GBP", "VAT (20 %)", "sort code 12-34-56",
                    "http://localhost:8080/portal/invoice.xhtml?id=50", "24 December 2026")) {
                assertTrue(text.contains(expected), () -> "missing '" + expected + "' in:\n" + text);
            }
            assertEquals("Invoice INV-2026-00001 — Whitlock & Crane LLP", read.getDocumentInformation().getTitle());
        }
    }

    @Test
    void printSelectedMergesTheInvoicesIntoOnePdfPageByPage() throws Exception {
        List<byte[]> invoices = List.of(InvoicePdf.render(invoice("INV-2026-00001")), InvoicePdf.render(invoice("INV-2026-00002")),
                InvoicePdf.render(invoice("INV-2026-00003")));

        byte[] merged = org.quittance.platform.control.PdfMerge.merge(invoices);

        try (PDDocument read = Loader.loadPDF(merged)) {
            assertEquals(3, read.getNumberOfPages());
            for (int page = 1; page <= 3; page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(read);
                String number = "INV-2026-0000" + page;
                assertTrue(text.contains(number) && text.contains("738.50"), () -> number + " on its own page:\n" + text);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> org.quittance.platform.control.PdfMerge.merge(List.of()));
    }
}
