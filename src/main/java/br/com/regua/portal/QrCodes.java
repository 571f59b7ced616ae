package br.com.regua.portal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** A PIX code drawn as a QR code, a PNG the page carries inline: a bank app reads it from another phone's screen. */
final class QrCodes {

    /** Pixels per module: a 100-odd-character PIX code makes a QR of about 280 px, readable at 360 px wide. */
    private static final int SCALE = 5;
    private static final int QUIET_ZONE = 4;

    private QrCodes() {
    }

    static byte[] png(String text) {
        try {
            // M: the level bank apps' own codes use; reads from a screen with some glare
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
            int side = (m.getWidth() + 2 * QUIET_ZONE) * SCALE;
            BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    int mx = x / SCALE - QUIET_ZONE;
                    int my = y / SCALE - QUIET_ZONE;
                    boolean dark = mx >= 0 && my >= 0 && mx < m.getWidth() && my < m.getHeight() && m.get(mx, my);
                    image.setRGB(x, y, dark ? 0xFF000000 : 0xFFFFFFFF);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot draw a QR code of this text", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String dataUri(String text) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(text));
    }
}
