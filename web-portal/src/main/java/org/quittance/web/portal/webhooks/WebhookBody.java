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

    /** Whether the Content-Length header says more than we read, or is not a length at all. */
    static boolean declaredTooLarge(String declaredLength) {
        if (declaredLength == null) {
            return false;
        }
        String length = declaredLength.strip();
        return length.isEmpty() || length.length() > 7 || !length.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(length) > MAX_BYTES;
    }

    /** @return the bytes, or null when there are more than {@link #MAX_BYTES} */
    static byte[] read(InputStream body) throws IOException {
        byte[] raw = body == null ? new byte[0] : body.readNBytes(MAX_BYTES + 1);
        return raw.length > MAX_BYTES ? null : raw;
    }
}
