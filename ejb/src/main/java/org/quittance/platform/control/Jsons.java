package org.quittance.platform.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;

import java.io.ByteArrayInputStream;
import java.io.StringReader;

/**
 * JSON-P through one provider found once. {@code Json.createReader} and its kin look the provider up
 * anew on every call (a service-loader search through the deployment's jars): a twentieth of a
 * webhook's CPU when measured (JFR, issue 18).
 */
public final class Jsons {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsons() {
    }

    public static JsonReader reader(byte[] json) {
        return PROVIDER.createReader(new ByteArrayInputStream(json));
    }

    public static JsonReader reader(String json) {
        return PROVIDER.createReader(new StringReader(json));
    }

    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }
}
