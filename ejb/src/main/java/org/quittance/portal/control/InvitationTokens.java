package org.quittance.portal.control;

import org.quittance.platform.control.Sha256;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable single-use tokens for e-mailed links (256 random bits), and the digest we store instead. */
public final class InvitationTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private InvitationTokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String digest(String token) {
        return Sha256.hex(token.getBytes(StandardCharsets.UTF_8));
    }
}
