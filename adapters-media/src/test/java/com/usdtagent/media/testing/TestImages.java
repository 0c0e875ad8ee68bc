package com.usdtagent.media.testing;

import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;

/** Files that people upload, good and bad, made while the tests run (see README.md next to the one that is not). */
public final class TestImages {

    /** What the photo's metadata gives away, none of which may survive an upload. */
    public static final String CAMERA_MAKE = "Leica Camera AG";
    public static final String CAMERA_SERIAL = "SN-4815162342";
    public static final String CAMERA_OWNER_NOTE = "Bob's phone, home address";
    public static final double LATITUDE = 51.5007;
    public static final double LONGITUDE = -0.1246;
    public static final String XMP_CREATOR = "Robert Exampleson";

    private TestImages() {
    }

    /**
     * A photo as a phone stores one held upright: 240 x 160 pixels as stored, left half red and right half blue,
     * with EXIF orientation 6 (shown turned a quarter clockwise, 160 x 240, red on top), the GPS position, the
     * camera's make and serial number, a user comment and an XMP creator.
     */
    public static byte[] photoFromAPhone() {
        byte[] plain = jpeg(halves(240, 160));
        try {
            var exif = new TiffOutputSet();
            var root = exif.getOrCreateRootDirectory();
            root.add(TiffTagConstants.TIFF_TAG_MAKE, CAMERA_MAKE);
            root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) TiffTagConstants.ORIENTATION_VALUE_ROTATE_90_CW);
            var camera = exif.getOrCreateExifDirectory();
            camera.add(ExifTagConstants.EXIF_TAG_BODY_SERIAL_NUMBER, CAMERA_SERIAL);
            camera.add(ExifTagConstants.EXIF_TAG_USER_COMMENT, CAMERA_OWNER_NOTE);
            exif.setGpsInDegrees(LONGITUDE, LATITUDE);
            var withExif = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(plain, withExif, exif);
            var withXmp = new ByteArrayOutputStream();
            new JpegXmpRewriter().updateXmpXml(withExif.toByteArray(), withXmp, """
                    <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                    <rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>%s</dc:creator>
                    </rdf:Description></rdf:RDF></x:xmpmeta>""".formatted(XMP_CREATOR));
            return withXmp.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the test photo's metadata", e);
        }
    }

    /** A screenshot-like PNG, left half red and right half blue, with a transparent corner. */
    public static byte[] screenshot(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        var canvas = image.createGraphics();
        canvas.drawImage(halves(width, height), 0, 0, null);
        canvas.setComposite(java.awt.AlphaComposite.Clear);
        canvas.fillRect(0, 0, 4, 4);
        canvas.dispose();
        return encode(image, "png");
    }

    /** A JPEG of noise, which compresses badly: about {@code width * height / 2} bytes at most. */
    public static byte[] noisyPhoto(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return jpeg(image);
    }

    /** A lossy 64 x 48 WebP, red left and blue right. */
    public static byte[] webp() {
        try (InputStream resource = TestImages.class.getResourceAsStream("halves.webp")) {
            return resource.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-page PDF, as a bank's receipt would be. */
    public static byte[] pdf() {
        try (var document = new PDDocument()) {
            document.addPage(new PDPage());
            var bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] html() {
        return "<!DOCTYPE html><html><body><script>fetch('/api/me')</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] svg() {
        return """
                <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(document.domain)">
                <rect width="10" height="10"/></svg>""".getBytes(StandardCharsets.UTF_8);
    }

    /** Starts like a PNG, then is a web page: what a sniffing browser would run as HTML. */
    public static byte[] pngThenHtml() {
        byte[] signature = Arrays.copyOf(screenshot(8, 8), 8);
        return concat(signature, html());
    }

    /** Starts like a PDF and ends like one, with a web page in between and no PDF objects. */
    public static byte[] pdfThenHtml() {
        return concat("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), html(),
                "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** A real photo with a script after its end: a polyglot that is also a valid JPEG. */
    public static byte[] photoThenScript() {
        return concat(jpeg(halves(64, 48)), "<script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII));
    }

    /** The first half of a photo, as an interrupted upload leaves it. */
    public static byte[] truncatedPhoto() {
        byte[] whole = noisyPhoto(400, 300, 1);
        return Arrays.copyOf(whole, whole.length / 2);
    }

    /**
     * A PNG of a few dozen bytes whose header claims {@code width x height} pixels: decoding it would take gigabytes.
     * The header of a real 1 x 1 PNG with the size written over it and its checksum made right again.
     */
    public static byte[] pixelBomb(int width, int height) {
        byte[] png = encode(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png");
        // signature (8), IHDR length (4), "IHDR" (4), width (4), height (4), 5 more bytes, CRC of type and data
        ByteBuffer.wrap(png, 16, 8).putInt(width).putInt(height);
        var crc = new CRC32();
        crc.update(png, 12, 17);
        ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
        return png;
    }

    /** Red on the left half, blue on the right. */
    public static BufferedImage halves(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var canvas = image.createGraphics();
        canvas.setColor(Color.RED);
        canvas.fillRect(0, 0, width / 2, height);
        canvas.setColor(Color.BLUE);
        canvas.fillRect(width / 2, 0, width - width / 2, height);
        canvas.dispose();
        return image;
    }

    public static byte[] jpeg(BufferedImage image) {
        return encode(image, "jpeg");
    }

    private static byte[] encode(BufferedImage image, String format) {
        var bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, bytes)) {
                throw new IllegalStateException("no " + format + " writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        var all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }
}
