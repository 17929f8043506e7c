package org.quittance.firm.control;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.*;

class InvoiceNumberFormatTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    @Test
    void yearAndPaddedSequence() {
        InvoiceNumberFormat format = InvoiceNumberFormat.parse("INV-{YYYY}-{SEQ:5}");
        assertEquals("INV-2026-00042", format.format(DAY, 42));
        assertEquals("2026", format.period(DAY));
    }

    @Test
    void withoutAYearTheNumberingNeverRestarts() {
        InvoiceNumberFormat format = InvoiceNumberFormat.parse("{SEQ}");
        assertEquals("7", format.format(DAY, 7));
        assertEquals("ALL", format.period(DAY));
    }

    @Test
    void shortYear() {
        assertEquals("WC/26/0003", InvoiceNumberFormat.parse("WC/{YY}/{SEQ:4}").format(DAY, 3));
    }

    @Test
    void aSequenceLongerThanThePaddingIsNotCut() {
        assertEquals("INV-123456", InvoiceNumberFormat.parse("INV-{SEQ:3}").format(DAY, 123456));
    }

    @Test
    void formatsThatCannotNumberInvoicesAreRefusedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> InvoiceNumberFormat.parse("INV-{YYYY}"))
                .getMessage().contains("{SEQ}"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> InvoiceNumberFormat.parse("{SEQ}-{SEQ}"))
                .getMessage().contains("only one"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> InvoiceNumberFormat.parse("{MONTH}-{SEQ}"))
                .getMessage().contains("{MONTH}"));
        assertThrows(IllegalArgumentException.class, () -> InvoiceNumberFormat.parse("INV {SEQ}"));
        assertThrows(IllegalArgumentException.class, () -> InvoiceNumberFormat.parse(" "));
    }
}
