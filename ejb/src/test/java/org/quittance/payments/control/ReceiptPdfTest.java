package org.quittance.payments.control;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.quittance.money.Money;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ReceiptPdfTest {

    private static final Money PAID = Money.of("600.00", "GBP");

    @Test
    void aReceiptForMoneyTheFirmHoldsIsPlain() throws IOException {
        String text = text(receipt(null, "Received"));
        assertTrue(text.contains("Payment receipt\n"), text);
        assertFalse(text.contains("Given back"), text);
        assertTrue(text.contains("GBP 600.00"), text);
    }

    @Test
    void aReceiptNeverClaimsMoneyTheFirmGaveBack() throws IOException {
        String refunded = text(receipt(Money.of("400.00", "GBP"), "Partly refunded"));
        assertTrue(refunded.contains("Payment receipt — partly refunded"), refunded);
        assertTrue(refunded.contains("Given back GBP 200.00"), refunded);
        assertTrue(refunded.contains("Held by the firm GBP 400.00"), refunded);

        String disputed = text(receipt(Money.zero("GBP"), "Under dispute"));
        assertTrue(disputed.contains("Payment receipt — under dispute"), disputed);
        assertTrue(disputed.contains("Given back GBP 600.00"), disputed);
    }

    private static ReceiptPdf.Receipt receipt(Money held, String status) {
        return new ReceiptPdf.Receipt("Whitlock & Crane LLP", "1 Quay Street", "Okafor Family Trust", "James Okafor", "QP-1",
                "pi_1", OffsetDateTime.parse("2026-11-29T10:00:00Z"), PAID, "Visa ending 4242", Map.of("INV-2026-00001", PAID), held, status);
    }

    private static String text(ReceiptPdf.Receipt receipt) throws IOException {
        try (PDDocument read = Loader.loadPDF(ReceiptPdf.render(receipt))) {
            return new PDFTextStripper().getText(read);
        }
    }
}
