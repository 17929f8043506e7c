package org.quittance.firm.control;

import org.quittance.platform.control.Formats;

/**
 * What every page shows of the firm: its name, whether it has a logo, and how it writes amounts and
 * dates. Read without the logo's bytes, and kept for a few seconds (FirmSettings.letterhead).
 * @param name null before the firm's first-run setup
 */
public record Letterhead(String name, boolean logo, Formats formats) {

    /** An installation before its first-run setup. */
    public static final Letterhead NOT_SET_UP = new Letterhead(null, false, Formats.DEFAULT);

    public boolean setUp() {
        return name != null;
    }
}
