package org.quittance.firm.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The one-time code that first-run setup asks for: 20 characters from an alphabet without look-alikes
 * (no 0/O, 1/I/L), shown in four groups of five, about 100 bits. What a person types is compared
 * without regard to case, spaces or dashes; the server keeps only its SHA-256.
 */
public final class SetupCode {

    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 20;
    private static final int GROUP = 5;
    /** Longer input is not a code: refused before any work. */
    private static final int MAX_TYPED = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SetupCode() {
    }

    /** A new code, grouped for reading: {@code ABCDE-FGHJK-MNPQR-STUVW}. */
    public static String generate() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % GROUP == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The digest kept for a code, as typed or as generated. */
    public static String sha256(String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalise(code).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a typed code is the one whose digest was kept, in time that does not depend on where they differ. */
    public static boolean matches(String typed, String keptSha256) {
        if (typed == null || typed.length() > MAX_TYPED || keptSha256 == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(typed).getBytes(StandardCharsets.US_ASCII), keptSha256.getBytes(StandardCharsets.US_ASCII));
    }

    static String normalise(String code) {
        StringBuilder kept = new StringBuilder();
        for (char c : code.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c != '-' && !Character.isWhitespace(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }
}
