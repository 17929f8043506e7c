package org.quittance.payments.adyen;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.*;

/** Adyen's own HMAC test vectors (from its Java library's tests), and what a wrong key or a changed field does. */
class AdyenSignatureTest {

    @Test
    void adyensVectorsVerify() throws IOException {
        JsonObject vectors = json("hmac-test-vectors.json");
        JsonObject first = vectors.getJsonArray("vectors").getJsonObject(0);
        JsonObject item = json(first.getString("item_file"));
        AdyenSignature signature = new AdyenSignature(first.getString("hmac_key_hex"));
        assertEquals(first.getString("signing_string"), AdyenSignature.signingString(item));
        assertEquals(first.getString("expected_hmacSignature"), signature.sign(item));
        assertTrue(signature.matches(item));

        JsonObject second = vectors.getJsonArray("vectors").getJsonObject(1);
        JsonObject inline = second.getJsonObject("item_inline");
        assertEquals(second.getString("signing_string"), AdyenSignature.signingString(inline), "a value written as a string");
        assertTrue(new AdyenSignature(second.getString("hmac_key_hex")).matches(inline));
    }

    @Test
    void anotherKeyOrAChangedAmountDoesNotVerify() throws IOException {
        JsonObject vector = json("hmac-test-vectors.json").getJsonArray("vectors").getJsonObject(0);
        JsonObject item = json(vector.getString("item_file"));
        assertFalse(new AdyenSignature("00".repeat(32)).matches(item));
        JsonObject changed = Json.createObjectBuilder(item)
                .add("amount", Json.createObjectBuilder().add("currency", "EUR").add("value", 100000)).build();
        assertFalse(new AdyenSignature(vector.getString("hmac_key_hex")).matches(changed), "the amount is signed");
        JsonObject unsigned = Json.createObjectBuilder(item).remove("additionalData").build();
        assertFalse(new AdyenSignature(vector.getString("hmac_key_hex")).matches(unsigned));
    }

    @Test
    void aKeyThatIsNotHexIsRefusedWhenSet() {
        assertThrows(IllegalArgumentException.class, () -> new AdyenSignature("not-a-key"));
        assertThrows(IllegalArgumentException.class, () -> new AdyenSignature("ab".repeat(200)));
    }

    static JsonObject json(String name) throws IOException {
        return Json.createReader(new StringReader(new String(sample(name), java.nio.charset.StandardCharsets.UTF_8))).readObject();
    }

    static byte[] sample(String name) throws IOException {
        try (InputStream in = AdyenSignatureTest.class.getResourceAsStream("/adyen-notifications/" + name)) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }
}
