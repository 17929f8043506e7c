package org.quittance.firm.control;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * The firm's logo as it is kept: an upload is judged by its bytes (not by the type the browser
 * claims), its dimensions are read from its header before any pixel is decoded (a small file can
 * claim 100,000 × 100,000 pixels and take gigabytes to decode), and it is re-encoded as a PNG of at
 * most {@link #MAX_KEPT_WIDTH} × {@link #MAX_KEPT_HEIGHT}, so that what reaches the PDF renderer is
 * always an image this class drew.
 */
public final class LogoImage {

    public static final int MAX_BYTES = 512 * 1024;
    /** The most pixels an upload may have: 16 megapixels, a large photograph. */
    static final long MAX_PIXELS = 16_000_000L;
    static final int MAX_KEPT_WIDTH = 600;
    static final int MAX_KEPT_HEIGHT = 200;

    private LogoImage() {
    }

    /** Why an upload is not taken, for staff. */
    public static final class Refused extends IllegalArgumentException {
        Refused(String reason) {
            super(reason);
        }
    }

    /** @return the logo as a PNG, or throws {@link Refused} with the reason */
    public static byte[] normalise(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw new Refused("The file is empty.");
        }
        if (upload.length > MAX_BYTES) {
            throw new Refused("The logo must be smaller than 512 KB.");
        }
        String format = format(upload);
        Iterator<ImageReader> readers = format == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new Refused("The logo must be a PNG or JPEG image.");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            reader.setInput(in, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width <= 0 || height <= 0 || width * height > MAX_PIXELS) {
                throw new Refused("The logo is " + width + " × " + height + " pixels; it may have at most 16 million (a logo needs far fewer).");
            }
            return png(scaled(reader.read(0)));
        } catch (Refused e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // A damaged file fails in the decoder in many ways; all of them mean the same to staff.
            throw new Refused("The logo cannot be read as an image (" + e.getMessage() + ").");
        } finally {
            reader.dispose();
        }
    }

    /** PNG or JPEG by their signatures, whatever the file is called. */
    static String format(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "png";
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "jpeg";
        }
        return null;
    }

    private static BufferedImage scaled(BufferedImage image) {
        double factor = Math.min(1.0, Math.min((double) MAX_KEPT_WIDTH / image.getWidth(), (double) MAX_KEPT_HEIGHT / image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
