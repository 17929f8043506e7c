package org.quittance.sandbox.control;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A form-encoded body as Stripe's libraries send it, keys kept flat with their brackets
 * ("metadata[invoice]", "line_items[0][price_data][unit_amount]").
 */
public final class FormBody {

    private FormBody() {
    }

    public static Map<String, String> parse(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body == null || body.isBlank()) {
            return form;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(key, value);
        }
        return form;
    }

    /** The entries under one prefix: "metadata" → {invoice=…} from "metadata[invoice]=…". */
    public static Map<String, String> under(Map<String, String> form, String prefix) {
        Map<String, String> nested = new LinkedHashMap<>();
        String start = prefix + "[";
        form.forEach((k, v) -> {
            if (k.startsWith(start) && k.endsWith("]") && k.indexOf('[', start.length()) < 0) {
                nested.put(k.substring(start.length(), k.length() - 1), v);
            }
        });
        return nested;
    }
}
