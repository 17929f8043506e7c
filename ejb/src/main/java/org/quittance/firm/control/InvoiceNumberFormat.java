package org.quittance.firm.control;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The firm's invoice number pattern, e.g. {@code INV-{YYYY}-{SEQ:5}} → INV-2026-00042. Placeholders:
 * {YYYY} and {YY} (the issue year; numbering then restarts every year) and exactly one {SEQ} or
 * {SEQ:n} (the gap-free sequence, zero-padded to n digits).
 */
public final class InvoiceNumberFormat {

    private static final Pattern SEQ = Pattern.compile("\\{SEQ(?::(\\d))?}");
    private static final Pattern ANY_PLACEHOLDER = Pattern.compile("\\{[^}]*}");
    private static final Pattern ALLOWED_TEXT = Pattern.compile("[A-Za-z0-9/_.#-]*");

    private final String pattern;
    private final int width;

    private InvoiceNumberFormat(String pattern, int width) {
        this.pattern = pattern;
        this.width = width;
    }

    /** @throws IllegalArgumentException with a message for the firm's administrator */
    public static InvoiceNumberFormat parse(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("The invoice number format is empty");
        }
        Matcher seq = SEQ.matcher(pattern);
        if (!seq.find()) {
            throw new IllegalArgumentException("The invoice number format needs a {SEQ} or {SEQ:n} placeholder");
        }
        int width = seq.group(1) == null ? 1 : Integer.parseInt(seq.group(1));
        if (seq.find()) {
            throw new IllegalArgumentException("The invoice number format may have only one {SEQ}");
        }
        Matcher any = ANY_PLACEHOLDER.matcher(pattern);
        while (any.find()) {
            String p = any.group();
            if (!p.equals("{YYYY}") && !p.equals("{YY}") && !SEQ.matcher(p).matches()) {
                throw new IllegalArgumentException("Unknown placeholder " + p + " (use {YYYY}, {YY}, {SEQ} or {SEQ:n})");
            }
        }
        String text = ANY_PLACEHOLDER.matcher(pattern).replaceAll("");
        if (!ALLOWED_TEXT.matcher(text).matches()) {
            throw new IllegalArgumentException("Invoice numbers may contain letters, digits and / _ . # - only");
        }
        return new InvoiceNumberFormat(pattern, width);
    }

    /** The numbering period: the year when the number shows one, else a single period for ever. */
    public String period(LocalDate issueDate) {
        return pattern.contains("{YYYY}") || pattern.contains("{YY}") ? String.valueOf(issueDate.getYear()) : "ALL";
    }

    public String format(LocalDate issueDate, long sequence) {
        String year = String.valueOf(issueDate.getYear());
        String number = SEQ.matcher(pattern).replaceFirst(Matcher.quoteReplacement(
                String.format("%0" + width + "d", sequence)));
        return number.replace("{YYYY}", year).replace("{YY}", year.substring(2));
    }

    public String pattern() {
        return pattern;
    }
}
