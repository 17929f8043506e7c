package org.quittance.payments.control;

import org.quittance.payments.entity.BillingAddress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a client's free-text address (as staff typed it, one line per line) into the fields of a
 * billing address, as well as free text allows: the client sees and corrects the result before
 * paying, so a guess is good enough, and nothing is invented that was not in the text.
 */
public final class AddressPrefill {

    /** A UK postcode at the end of a line ("London WC2A 1PL") or on a line of its own. */
    private static final Pattern UK_POSTCODE = Pattern.compile("^(.*?)\\s*\\b([A-Z]{1,2}\\d[A-Z\\d]?\\s*\\d[A-Z]{2})$", Pattern.CASE_INSENSITIVE);

    private AddressPrefill() {
    }

    public static BillingAddress of(String name, String address, String country) {
        List<String> lines = new ArrayList<>(address == null ? List.of()
                : Arrays.stream(address.split("\\R")).map(String::trim).filter(l -> !l.isEmpty()).toList());
        String postcode = "";
        if (!lines.isEmpty()) {
            Matcher uk = UK_POSTCODE.matcher(lines.get(lines.size() - 1));
            if (uk.matches()) {
                postcode = uk.group(2).toUpperCase();
                lines.set(lines.size() - 1, uk.group(1).trim());
                if (lines.get(lines.size() - 1).isEmpty()) {
                    lines.remove(lines.size() - 1);
                }
            }
        }
        String line1 = lines.isEmpty() ? "" : lines.get(0);
        String city = lines.size() > 1 ? lines.get(lines.size() - 1) : "";
        String line2 = lines.size() > 2 ? String.join(", ", lines.subList(1, lines.size() - 1)) : null;
        return new BillingAddress(name == null ? "" : name, line1, line2, city, postcode, country);
    }
}
