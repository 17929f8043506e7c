package org.quittance.firm.control;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.*;

class LogoImageTest {

    @Test
    void aLogoIsKeptAsAPngNoLargerThanTheInvoiceNeeds() throws IOException {
        byte[] kept = LogoImage.normalise(image(1200, 400, "jpeg"));
        assertEquals("png", LogoImage.format(kept));
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(kept));
        assertEquals(600, read.getWidth());
        assertEquals(200, read.getHeight());

        BufferedImage small = ImageIO.read(new ByteArrayInputStream(LogoImage.normalise(image(120, 40, "png"))));
        assertEquals(120, small.getWidth(), "a small logo keeps its size");
    }

    @Test
    void aFileIsJudgedByItsBytesNotItsName() {
        LogoImage.Refused refused = assertThrows(LogoImage.Refused.class,
                () -> LogoImage.normalise("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)));
        assertEquals("The logo must be a PNG or JPEG image.", refused.getMessage());
        byte[] truncated = new byte[40];
        System.arraycopy(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, truncated, 0, 8);
        assertTrue(assertThrows(LogoImage.Refused.class, () -> LogoImage.normalise(truncated)).getMessage().startsWith("The logo cannot be read"));
    }

    /** A few hundred bytes that claim 100,000 × 100,000 pixels: refused from the header, nothing decoded. */
    @Test
    void aDecompressionBombIsRefusedBeforeAnyPixelIsDecoded() throws IOException {
        byte[] bomb = claimingSize(image(1, 1, "png"), 100_000, 100_000);
        LogoImage.Refused refused = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(LogoImage.Refused.class, () -> LogoImage.normalise(bomb)));
        assertTrue(refused.getMessage().contains("100000 × 100000"), refused.getMessage());
        assertThrows(LogoImage.Refused.class, () -> LogoImage.normalise(new byte[LogoImage.MAX_BYTES + 1]));
    }

    private static byte[] image(int width, int height, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /** The PNG with its IHDR width and height changed, and the chunk's CRC made right again. */
    private static byte[] claimingSize(byte[] png, int width, int height) {
        byte[] b = png.clone();
        ByteBuffer.wrap(b, 16, 8).putInt(width).putInt(height);
        CRC32 crc = new CRC32();
        crc.update(b, 12, 17);  // "IHDR" and its 13 data bytes
        ByteBuffer.wrap(b, 29, 4).putInt((int) crc.getValue());
        return b;
    }
}
