package org.quittance.payments.adyen;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Adyen's HMAC on each notification item: base64 of HMAC-SHA256, keyed with the hex-decoded key from
 * the Customer Area, over {@code pspReference:originalReference:merchantAccountCode:merchantReference:value:currency:eventCode:success}
 * (absent fields empty, nothing escaped). Compared in constant time.
 */
public final class AdyenSignature {

    private final SecretKeySpec key;

    /** @throws IllegalArgumentException when the key is not an even number of hex digits */
    public AdyenSignature(String hexKey) {
        if (hexKey == null || hexKey.isBlank() || hexKey.strip().length() > 256) {
            throw new IllegalArgumentException("An Adyen HMAC key is up to 256 hex digits");
        }
        this.key = new SecretKeySpec(HexFormat.of().parseHex(hexKey.strip()), "HmacSHA256");
    }

    /** The signature Adyen puts in {@code additionalData.hmacSignature} for this item. */
    public String sign(JsonObject item) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(signingString(item).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Whether the item carries a signature and it is this key's. */
    public boolean matches(JsonObject item) {
        String given = item.get("additionalData") instanceof JsonObject data ? text(data, "hmacSignature") : "";
        if (given.isEmpty() || given.length() > 100) {
            return false;
        }
        return MessageDigest.isEqual(sign(item).getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }

    static String signingString(JsonObject item) {
        JsonObject amount = item.get("amount") instanceof JsonObject a ? a : JsonObject.EMPTY_JSON_OBJECT;
        return String.join(":", text(item, "pspReference"), text(item, "originalReference"), text(item, "merchantAccountCode"),
                text(item, "merchantReference"), text(amount, "value"), text(amount, "currency"), text(item, "eventCode"),
                text(item, "success"));
    }

    /** A field as Adyen writes it into the signing string: a string as is, a number in its JSON form, else empty. */
    static String text(JsonObject object, String field) {
        if (object.get(field) instanceof JsonString s) {
            return s.getString();
        }
        if (object.get(field) instanceof JsonNumber n) {
            return n.toString();
        }
        return "";
    }
}
