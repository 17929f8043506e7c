package org.quittance.sandbox.control;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Keys the sandbox issues to an account it registers, shaped like Stripe's test keys. */
public final class SandboxKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SandboxKeys() {
    }

    public static final String SECRET_PREFIX = "sk_test_sandbox_";

    public static String secretKey() {
        return SECRET_PREFIX + random();
    }

    public static String publishableKey() {
        return "pk_test_sandbox_" + random();
    }

    public static String webhookSecret() {
        return "whsec_sandbox_" + random();
    }

    private static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
