package org.quittance.security.control;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password must be, a client's or a staff user's, following NIST SP 800-63B: long enough, not a known
 * common password, not made of the user's own e-mail address; no composition rules beyond that.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = Set.of(
            "123456789012", "password1234", "passwordpassword", "qwertyuiopas", "111111111111",
            "iloveyou1234", "letmein12345", "welcome12345", "administrator", "changeme1234",
            "qwerty123456", "abc123456789", "password123!", "portalpassword");

    private PasswordPolicy() {
    }

    /** @return the reason the password is refused, or empty when it is acceptable */
    public static Optional<String> weakness(String password, String email) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Choose a password.");
        }
        String normalised = Normalizer.normalize(password, Normalizer.Form.NFKC);
        int length = normalised.codePointCount(0, normalised.length());
        if (length < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters (a few unrelated words make a good password).");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        String lower = normalised.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || normalised.codePoints().distinct().count() < 5) {
            return Optional.of("This password is too easy to guess; choose another.");
        }
        if (email != null) {
            String local = email.toLowerCase(Locale.ROOT).split("@")[0];
            for (String part : List.of(email.toLowerCase(Locale.ROOT), local)) {
                if (part.length() >= 4 && lower.contains(part)) {
                    return Optional.of("Do not use your e-mail address in your password.");
                }
            }
        }
        return Optional.empty();
    }
}
