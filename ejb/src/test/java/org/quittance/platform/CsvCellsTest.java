package org.quittance.platform;

import org.junit.jupiter.api.Test;
import org.quittance.platform.control.CsvCells;

import static org.junit.jupiter.api.Assertions.*;

class CsvCellsTest {

    @Test
    void aCellThatASpreadsheetWouldRunBecomesText() {
        assertEquals("'=HYPERLINK(\"http://evil.example\",\"Pay here\")", CsvCells.neutralise("=HYPERLINK(\"http://evil.example\",\"Pay here\")"));
        assertEquals("'+1+cmd|' /C calc'!A0", CsvCells.neutralise("+1+cmd|' /C calc'!A0"));
        assertEquals("'-2+3", CsvCells.neutralise("-2+3"));
        assertEquals("'@SUM(A1:A2)", CsvCells.neutralise("@SUM(A1:A2)"));
        assertEquals("'\t=1", CsvCells.neutralise("\t=1"));
        assertEquals("'\r=1", CsvCells.neutralise("\r=1"));
    }

    @Test
    void numbersAndOrdinaryTextStayAsTheyAre() {
        assertEquals("-25.00", CsvCells.neutralise("-25.00"));
        assertEquals("Harbour Lights Ltd", CsvCells.neutralise("Harbour Lights Ltd"));
        assertEquals("GBP -25.00", CsvCells.neutralise("GBP -25.00"));
        assertEquals("", CsvCells.neutralise(""));
        assertNull(CsvCells.neutralise(null));
    }
}
