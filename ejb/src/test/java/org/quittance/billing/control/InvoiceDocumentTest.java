package org.quittance.billing.control;

import org.junit.jupiter.api.Test;
import org.quittance.billing.entity.LineKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The published snapshot is what the portal's invoice page shows: read back, it must say what the PDF says. */
class InvoiceDocumentTest {

    private static final InvoiceDocument DOCUMENT = new InvoiceDocument("Whitlock & Crane LLP", "14 Chancery Lane", "", null, null,
            "Harbour Lights Ltd", "1 Quay Street", "HL-001", "Lease", "INV-2026-00001", LocalDate.of(2026, 11, 24),
            LocalDate.of(2026, 12, 24), "GBP",
            List.of(new InvoiceDocument.Line(LineKind.TIME, LocalDate.of(2026, 11, 20), "Review of lease",
                    new BigDecimal("2.50"), new BigDecimal("240.00"), new BigDecimal("600.00"))),
            new BigDecimal("600.00"), new BigDecimal("0.00"), new BigDecimal("600.00"), new BigDecimal("10"), new BigDecimal("60.00"),
            "VAT", new BigDecimal("20.0000"), new BigDecimal("108.00"), new BigDecimal("648.00"), new BigDecimal("648.00"),
            null, null, null);

    @Test
    void theTotalsReadAsInThePdfInOrder() {
        assertEquals(List.of(
                        new InvoiceDocument.Total("Fees", new BigDecimal("600.00"), false),
                        new InvoiceDocument.Total("Discount (10 % of fees)", new BigDecimal("-60.00"), false),
                        new InvoiceDocument.Total("Expenses", new BigDecimal("0.00"), false),
                        new InvoiceDocument.Total("VAT (20 %)", new BigDecimal("108.00"), false),
                        new InvoiceDocument.Total("Total", new BigDecimal("648.00"), true)),
                DOCUMENT.totals());
    }

    @Test
    void aSnapshotReadBackIsTheSameDocument() {
        InvoiceDocument read = InvoiceDocument.fromJson(DOCUMENT.toJson());

        assertEquals(DOCUMENT.totals(), read.totals());
        assertEquals(DOCUMENT.lines(), read.lines());
        assertEquals("HL-001", read.matterNumber());
        assertEquals(LocalDate.of(2026, 12, 24), read.dueDate());
        assertNull(read.firmEmail(), "an empty field comes back empty, not as \"\"");
        assertEquals("GBP 0.00", read.money(read.expenses()), "no expenses read 0.00");
        assertEquals("en-GB", read.locale());
    }
}
