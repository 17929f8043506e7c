package org.quittance.money;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The bounds of every decimal Quittance accepts from outside (forms, files, notifications), checked
 * before any arithmetic: a {@link BigDecimal} such as {@code 1E+200000000} is cheap to parse but
 * rescaling or adding it builds a number of 200 million digits. The database keeps amounts as
 * NUMERIC(19, 4), so 15 digits before the point is also the most that could be stored.
 */
public final class Decimals {

    /** Digits before the decimal point: 999,999,999,999,999 at most. */
    public static final int MAX_INTEGER_DIGITS = 15;
    /** Digits after it: amounts need at most 3 (BHD), hours and tax rates 4. */
    public static final int MAX_FRACTION_DIGITS = 6;
    /** What a person may type: plain digits, optional thousands separators, no exponent. */
    private static final Pattern TYPED = Pattern.compile("[+-]?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?|[+-]?\\.\\d+");
    private static final int MAX_TYPED_LENGTH = 32;

    private Decimals() {
    }

    /**
     * A number as a person types it ("1,250.50", "-3", ".5"); anything else — an exponent, letters,
     * more digits than {@link #MAX_INTEGER_DIGITS} or {@link #MAX_FRACTION_DIGITS} — is refused
     * with a message for that person.
     */
    public static BigDecimal parse(String typed) {
        return parse(typed == null ? "" : typed.strip(), "1250.50");
    }

    /**
     * A number as a person in this locale types it: "1.250,50" or "120,50" in Germany, "1 250,50" in
     * France, "1'250.50" in Switzerland. The other mark is refused rather than guessed ("120.50" in
     * Germany): for an amount of money a wrong guess costs a hundredfold.
     */
    public static BigDecimal parse(String typed, Locale locale) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        char point = symbols.getDecimalSeparator();
        char group = symbols.getGroupingSeparator();
        String text = typed == null ? "" : typed.strip();
        if (text.length() > MAX_TYPED_LENGTH) {
            text = "";
        }
        StringBuilder machine = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == point) {
                machine.append('.');
            } else if (groups(c, group)) {
                machine.append(',');
            } else if (c == '.' || c == ',') {
                machine.append('?');
            } else {
                machine.append(c);
            }
        }
        return parse(machine.toString(), "1250" + point + "50");
    }

    private static BigDecimal parse(String text, String example) {
        if (text.isEmpty() || text.length() > MAX_TYPED_LENGTH || !TYPED.matcher(text).matches()) {
            throw new IllegalArgumentException("Enter a number such as " + example);
        }
        return requireBounded(new BigDecimal(text.replace(",", "")));
    }

    /** Whether a typed character is this locale's thousands mark, as a keyboard can type it. */
    private static boolean groups(char c, char group) {
        if (c == group) {
            return true;
        }
        if (Character.isSpaceChar(group)) {
            return c == ' ' || c == '\u00A0' || c == '\u202F';
        }
        return (group == '\'' || group == '\u2019') && (c == '\'' || c == '\u2019');
    }

    /** Whether {@link #parse} takes this text. */
    public static boolean isPlain(String typed) {
        try {
            parse(typed);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Refuses a value too large or too finely divided, without ever expanding it (a zero comes back as plain 0). */
    public static BigDecimal requireBounded(BigDecimal value) {
        // precision() and scale() are read off the unscaled value and exponent: no expansion happens here.
        BigDecimal v = value.signum() == 0 ? BigDecimal.ZERO : value;
        long integerDigits = (long) v.precision() - v.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("The number is too large (at most " + MAX_INTEGER_DIGITS + " digits before the decimal point)");
        }
        if (v.scale() > MAX_FRACTION_DIGITS && v.stripTrailingZeros().scale() > MAX_FRACTION_DIGITS) {
            throw new IllegalArgumentException("The number has too many decimals (at most " + MAX_FRACTION_DIGITS + ")");
        }
        return v;
    }
}
