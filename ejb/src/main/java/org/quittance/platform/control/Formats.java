package org.quittance.platform.control;

import org.quittance.money.Decimals;
import org.quittance.money.Money;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How amounts and dates read wherever people read them (screens, PDFs, e-mails), in the firm's
 * locale: the one home of display formats. An amount keeps its ISO currency code in front ("GBP
 * 1,234.50", "EUR 1.234,50"): a firm bills in several currencies and a symbol can mean more than one.
 * CSV exports keep plain numbers and ISO dates, for the programs that read them.
 */
public record Formats(Locale locale) {

    /** The locales a firm can choose, with what they look like. */
    public static final List<Locale> OFFERED = List.of(Locale.UK, Locale.US, Locale.forLanguageTag("en-IE"),
            Locale.forLanguageTag("en-AU"), Locale.CANADA, Locale.GERMANY, Locale.forLanguageTag("de-CH"),
            Locale.forLanguageTag("de-AT"), Locale.FRANCE, Locale.forLanguageTag("nl-NL"));

    public static final Formats DEFAULT = new Formats(Locale.UK);

    /*
     * Made once per locale: a portal page writes a hundred amounts and dates, and making a number
     * format reads the locale's data and parses its pattern each time. Number formats are not
     * thread-safe, so each use takes a copy; date formatters are immutable.
     */
    private static final Map<Locale, NumberFormat> NUMBERS = new ConcurrentHashMap<>();
    private static final Map<Locale, DateTimeFormatter> DATES = new ConcurrentHashMap<>();
    private static final Map<Locale, DateTimeFormatter> LONG_DATES = new ConcurrentHashMap<>();

    /** A stored language tag, or the default for one that is not offered. */
    public static Formats of(String languageTag) {
        if (languageTag == null) {
            return DEFAULT;
        }
        return OFFERED.stream().filter(l -> l.toLanguageTag().equals(languageTag)).findFirst().map(Formats::new).orElse(DEFAULT);
    }

    /** "GBP 1,234.50": the currency's code, then the figure. */
    public String money(Money money) {
        return money == null ? "" : money.currency() + " " + figure(money);
    }

    /** "1,234.50" at the currency's minor unit, for a column whose heading names the currency. */
    public String figure(Money money) {
        return money == null ? "" : amount(money.amount());
    }

    /** A decimal at its own scale, grouped: "1,620.00", "2.5". */
    public String amount(BigDecimal value) {
        if (value == null) {
            return "";
        }
        NumberFormat format = (NumberFormat) NUMBERS.computeIfAbsent(locale, NumberFormat::getNumberInstance).clone();
        int scale = Math.max(value.scale(), 0);
        format.setMinimumFractionDigits(scale);
        format.setMaximumFractionDigits(scale);
        format.setGroupingUsed(true);
        return format.format(value);
    }

    /** A quantity as typed, without trailing zeros: "2.5", "1.25", "3". */
    public String quantity(BigDecimal value) {
        return value == null ? "" : amount(value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros());
    }

    /** "5 December 2026" (en-GB), "December 5, 2026" (en-US), "5. Dezember 2026" (de-DE): invoices, e-mails, receipts. */
    public String longDate(LocalDate date) {
        return date == null ? "" : date.format(LONG_DATES.computeIfAbsent(locale, l -> DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(l)));
    }

    /** "5 Dec 2026" (en-GB), "Dec 5, 2026" (en-US): dates in lists and tables. */
    public String date(LocalDate date) {
        return date == null ? "" : date.format(DATES.computeIfAbsent(locale, l -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(l)));
    }

    /** "November 2026" (en-GB, en-US), "November 2026" (de-DE): a statement's month. */
    public String month(java.time.YearMonth month) {
        return month == null ? "" : month.format(DateTimeFormatter.ofPattern("MMMM yyyy", locale));
    }

    /** "5 Dec 2026, 14:05": the date as in {@link #date} and the time on a 24-hour clock. */
    public String dateTime(OffsetDateTime at) {
        return at == null ? "" : date(at.toLocalDate()) + ", " + at.format(DateTimeFormatter.ofPattern("HH:mm"));
    }

    /** A number as someone in the firm's locale types it ("120,50" in Germany), bounded: see {@link Decimals#parse(String, Locale)}. */
    public BigDecimal parse(String typed) {
        return Decimals.parse(typed, locale);
    }

    /** A number ready to be edited: the locale's decimal mark, no grouping ("1250,50"), so that {@link #parse} takes it back. */
    public String editable(BigDecimal value) {
        if (value == null) {
            return "";
        }
        char point = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        return value.toPlainString().replace('.', point);
    }

    /** What to type for an amount, for the messages that ask for one: "120.50", "120,50". */
    public String typingExample() {
        return editable(new BigDecimal("120.50"));
    }

    /** How this locale writes an amount and a date, for the firm's setup screen. */
    public String example() {
        return locale.getDisplayName(Locale.UK) + " — " + money(Money.of("1234.50", "EUR")) + " · " + longDate(LocalDate.of(2026, 12, 5));
    }

    public String tag() {
        return locale.toLanguageTag();
    }
}
