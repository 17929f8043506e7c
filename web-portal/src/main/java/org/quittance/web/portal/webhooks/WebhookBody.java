package org.quittance.web.portal.webhooks;

import java.io.IOException;
import java.io.InputStream;

/**
 * A webhook's body, read only up to {@link #MAX_BYTES} (processors' notifications are a few
 * kilobytes): a declared or actual length beyond it is refused before more is read.
 */
final class WebhookBody {

    static final int MAX_BYTES = 256 * 1024;

    private WebhookBody() {
    }

    /** The bytes, or why the body is refused as too large (413): told by its Content-Length, or found reading it. */
    record Read(byte[] bytes, String tooLarge) {
    }

    static Read read(InputStream body, String declaredLength) throws IOException {
        if (declaredTooLarge(declaredLength)) {
            return new Read(null, "declared body too large");
        }
        byte[] raw = body == null ? new byte[0] : body.readNBytes(MAX_BYTES + 1);
        return raw.length > MAX_BYTES ? new Read(null, "body over " + MAX_BYTES + " bytes") : new Read(raw, null);
    }

    /** Whether the Content-Length header says more than we read, or is not a length at all. */
    private static boolean declaredTooLarge(String declaredLength) {
        if (declaredLength == null) {
            return false;
        }
        String length = declaredLength.strip();
        return length.isEmpty() || length.length() > 7 || !length.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(length) > MAX_BYTES;
    }
}
