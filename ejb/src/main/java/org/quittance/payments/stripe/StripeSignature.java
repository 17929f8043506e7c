package org.quittance.payments.stripe;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Verifies Stripe's {@code Stripe-Signature} header the way Stripe documents it: HMAC-SHA256 with the
 * endpoint's signing secret over {@code "<t>." + raw body bytes}, any of several {@code v1} values may
 * match (secrets being rolled), compared in constant time, and the timestamp within a tolerance both
 * ways. It works on the raw bytes: re-serialised JSON would not verify.
 */
public final class StripeSignature {

    public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);

    private final byte[] secret;
    private final Duration tolerance;

    public StripeSignature(String secret, Duration tolerance) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("No webhook signing secret is configured");
        }
        if (tolerance.isZero() || tolerance.isNegative()) {
            // Stripe's own library treats 0 as "no timestamp check": never allow that here.
            throw new IllegalArgumentException("The timestamp tolerance must be positive");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.tolerance = tolerance;
    }

    /** @return the signed timestamp, when the signature is valid and fresh */
    public Instant verify(byte[] rawBody, String header, Instant now) throws SignatureRefused {
        if (header == null || header.isBlank()) {
            throw new SignatureRefused("no Stripe-Signature header");
        }
        Long timestamp = null;
        List<byte[]> candidates = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            if (key.equals("t")) {
                try {
                    timestamp = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new SignatureRefused("timestamp is not a number");
                }
            } else if (key.equals("v1")) {
                try {
                    candidates.add(HexFormat.of().parseHex(value));
                } catch (IllegalArgumentException e) {
                    // A malformed v1 cannot match; others may.
                }
            }
        }
        if (timestamp == null) {
            throw new SignatureRefused("no timestamp in the signature header");
        }
        if (candidates.isEmpty()) {
            throw new SignatureRefused("no v1 signature in the header");
        }
        byte[] expected = sign(timestamp, rawBody);
        boolean match = false;
        for (byte[] candidate : candidates) {
            match |= MessageDigest.isEqual(expected, candidate);  // no early exit: constant time per candidate
        }
        if (!match) {
            throw new SignatureRefused("no v1 signature matches the body");
        }
        Instant signedAt = Instant.ofEpochSecond(timestamp);
        if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
            throw new SignatureRefused("timestamp " + signedAt + " is outside the tolerance of " + tolerance.toSeconds() + " s");
        }
        return signedAt;
    }

    /** The header value Stripe would send (for the sandbox emulator and tests). */
    public String header(long timestamp, byte[] rawBody) {
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(sign(timestamp, rawBody));
    }

    private byte[] sign(long timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(rawBody);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
