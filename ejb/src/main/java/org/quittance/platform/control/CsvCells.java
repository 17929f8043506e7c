package org.quittance.platform.control;

import org.quittance.money.Decimals;

/**
 * A cell of an exported CSV file is text, never a formula: a spreadsheet runs a cell that starts
 * with =, +, -, @, a tab or a carriage return, and names, reasons and references are typed by
 * people (and some by clients). Such a cell gets a leading apostrophe, except a plain number
 * ("-25.00" stays a number).
 */
public final class CsvCells {

    private CsvCells() {
    }

    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return risky && !Decimals.isPlain(cell) ? "'" + cell : cell;
    }
}
