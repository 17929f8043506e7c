package org.quittance.payments.stripe;

import com.stripe.net.Webhook;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Signatures over the real Stripe event samples (test resources stripe-webhooks/, see their README). */
class StripeSignatureTest {

    private static final String SECRET = "whsec_test_quittance_0123456789";
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final List<String> SAMPLES = List.of(
            "charge.dispute.closed", "charge.dispute.created", "charge.dispute.funds_reinstated", "charge.dispute.funds_withdrawn",
            "charge.failed", "charge.refund.updated", "charge.refunded", "charge.succeeded", "checkout.session.completed",
            "checkout.session.completed.payment_mode", "invoice.paid", "payment_intent.canceled", "payment_intent.created",
            "payment_intent.payment_failed", "payment_intent.processing", "payment_intent.requires_action", "payment_intent.succeeded");

    private final StripeSignature signature = new StripeSignature(SECRET, StripeSignature.DEFAULT_TOLERANCE);

    static byte[] sample(String name) throws IOException {
        try (InputStream in = StripeSignatureTest.class.getResourceAsStream("/stripe-webhooks/" + name + ".json")) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }

    @Test
    void everySampleSignedOverItsRawBytesVerifiesHereAndWithStripesOwnLibrary() throws Exception {
        for (String name : SAMPLES) {
            byte[] body = sample(name);
            String header = signature.header(NOW.getEpochSecond(), body);
            assertEquals(NOW, signature.verify(body, header, NOW), name);
            // Independent check: stripe-java computes the same signature (it checks the time against the real clock).
            String fresh = signature.header(Instant.now().getEpochSecond(), body);
            assertDoesNotThrow(() -> Webhook.Signature.verifyHeader(new String(body, StandardCharsets.UTF_8), fresh, SECRET, 300), name);
        }
    }

    @Test
    void aSingleChangedByteIsRefused() throws Exception {
        byte[] body = sample("payment_intent.succeeded");
        String header = signature.header(NOW.getEpochSecond(), body);
        byte[] forged = body.clone();
        int at = new String(body, StandardCharsets.UTF_8).indexOf("\"amount\"") + 10;
        forged[at] = (byte) (forged[at] == '1' ? '2' : '1');
        assertTrue(assertThrows(SignatureRefused.class, () -> signature.verify(forged, header, NOW)).getMessage().contains("matches"));
    }

    @Test
    void anotherSecretIsRefused() throws Exception {
        byte[] body = sample("charge.succeeded");
        String header = new StripeSignature("whsec_someone_else", Duration.ofSeconds(300)).header(NOW.getEpochSecond(), body);
        assertThrows(SignatureRefused.class, () -> signature.verify(body, header, NOW));
    }

    @Test
    void staleAndFutureTimestampsAreRefusedEvenWithAValidSignature() throws Exception {
        byte[] body = sample("charge.succeeded");
        String stale = signature.header(NOW.minusSeconds(301).getEpochSecond(), body);
        String future = signature.header(NOW.plusSeconds(301).getEpochSecond(), body);
        assertTrue(assertThrows(SignatureRefused.class, () -> signature.verify(body, stale, NOW)).getMessage().contains("tolerance"));
        assertThrows(SignatureRefused.class, () -> signature.verify(body, future, NOW));
        assertDoesNotThrow(() -> signature.verify(body, signature.header(NOW.minusSeconds(300).getEpochSecond(), body), NOW));
    }

    @Test
    void oneMatchingValueAmongSeveralIsEnoughWhileSecretsAreRolled() throws Exception {
        byte[] body = sample("charge.refunded");
        String valid = signature.header(NOW.getEpochSecond(), body);
        String header = "t=" + NOW.getEpochSecond() + ",v1=" + "ab".repeat(32) + ",v0=deadbeef," + valid.substring(valid.indexOf("v1="));
        assertEquals(NOW, signature.verify(body, header, NOW));
    }

    @Test
    void malformedHeadersAreRefusedWithAReason() throws Exception {
        byte[] body = sample("charge.failed");
        for (String header : new String[]{null, "", "garbage", "t=abc,v1=00", "v1=" + "00".repeat(32), "t=" + NOW.getEpochSecond(),
                "t=" + NOW.getEpochSecond() + ",v1=not-hex"}) {
            assertThrows(SignatureRefused.class, () -> signature.verify(body, header, NOW), String.valueOf(header));
        }
    }

    @Test
    void aZeroToleranceOrAMissingSecretCannotBeConfigured() {
        assertThrows(IllegalArgumentException.class, () -> new StripeSignature(SECRET, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new StripeSignature(" ", Duration.ofSeconds(300)));
    }
}
