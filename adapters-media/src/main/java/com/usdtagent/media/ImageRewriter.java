package com.usdtagent.media;

import com.twelvemonkeys.image.ResampleOp;
import com.usdtagent.application.attachment.ByteSource;
import com.usdtagent.application.attachment.ContentInspector.Inspection;
import com.usdtagent.application.attachment.ContentInspector.Thumbnail;
import com.usdtagent.application.attachment.UnsupportedContent;
import com.usdtagent.domain.attachment.AttachmentKind;
import com.usdtagent.domain.shared.BusinessException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileCacheImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes an image and writes its pixels again, upright and with nothing else: no EXIF (GPS position, camera serial),
 * XMP, IPTC, comments or trailing bytes survive. Photos become JPEG, images with transparency and PNGs stay PNG
 * (ImageIO writes no WebP). The pixel count comes from the header first, so a decompression bomb is refused before
 * a byte of it is decoded.
 */
final class ImageRewriter {

    static final int THUMBNAIL_EDGE = 320;
    private static final float PHOTO_QUALITY = 0.9f;
    private static final float THUMBNAIL_QUALITY = 0.8f;

    private enum Encoding {
        JPEG("jpeg", "image/jpeg"),
        PNG("png", "image/png");

        final String imageIoName;
        final String mime;

        Encoding(String imageIoName, String mime) {
            this.imageIoName = imageIoName;
            this.mime = mime;
        }
    }

    private final long maxPixels;
    private final DecodeBudget budget;

    ImageRewriter(long maxPixels, DecodeBudget budget) {
        this.maxPixels = maxPixels;
        this.budget = budget;
    }

    Inspection rewrite(ByteSource upload, Format format) {
        int orientation = Orientation.of(upload);
        ImageReader reader = ImageIO.getImageReadersByFormatName(format.imageIoName).next();
        // cached on disk, not in memory: the re-encoded copy is the one file this upload holds in memory
        try (InputStream content = upload.open(); ImageInputStream stream = new FileCacheImageInputStream(content, null)) {
            reader.setInput(stream, true, true);
            long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
            if (pixels > maxPixels) {
                throw BusinessException.invalidField("file", "has " + pixels + " pixels; at most " + maxPixels + " are accepted");
            }
            try (var reserved = budget.reserve(pixels)) {
                return rewrite(decode(reader), orientation, format);
            }
        } catch (BusinessException refusal) {
            throw refusal;
        } catch (IOException | RuntimeException unreadable) {
            throw new UnsupportedContent("is not a whole " + format.name() + " image");
        } finally {
            reader.dispose();
        }
    }

    /** A reader's warnings mean it made up pixels for bytes that were missing or damaged: such a file is refused. */
    private static BufferedImage decode(ImageReader reader) throws IOException {
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        BufferedImage decoded = reader.read(0);
        if (!warnings.isEmpty()) {
            throw new UnsupportedContent("is a damaged image: " + warnings.getFirst());
        }
        return decoded;
    }

    private static Inspection rewrite(BufferedImage decoded, int orientation, Format format) {
        boolean transparent = decoded.getColorModel().hasAlpha();
        Encoding encoding = format == Format.PNG || transparent ? Encoding.PNG : Encoding.JPEG;
        int type = transparent ? BufferedImage.TYPE_4BYTE_ABGR : BufferedImage.TYPE_3BYTE_BGR;
        BufferedImage upright = Orientation.upright(decoded, orientation, type);
        byte[] content = encode(upright, encoding, PHOTO_QUALITY);
        byte[] thumbnail = encode(thumbnailOf(upright), encoding, THUMBNAIL_QUALITY);
        return new Inspection(AttachmentKind.IMAGE, encoding.mime, ByteSource.of(content), upright.getWidth(),
                upright.getHeight(), new Thumbnail(encoding.mime, ByteSource.of(thumbnail)));
    }

    /** At most {@link #THUMBNAIL_EDGE} pixels on the longer side, resampled with TwelveMonkeys' filters. */
    private static BufferedImage thumbnailOf(BufferedImage image) {
        double scale = Math.min(1.0, THUMBNAIL_EDGE / (double) Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage resampled = new ResampleOp(width, height, ResampleOp.FILTER_TRIANGLE).filter(image, null);
        if (resampled.getType() == image.getType()) {
            return resampled;
        }
        // drawn again into the original's type: the filter may add an alpha channel JPEG cannot hold, and asked to
        // write into a 3-byte BGR image itself it mixes up the bytes of the pixels (a striped, wrongly coloured thumbnail)
        var same = new BufferedImage(width, height, image.getType());
        Graphics2D graphics = same.createGraphics();
        graphics.drawImage(resampled, 0, 0, null);
        graphics.dispose();
        return same;
    }

    /** Pixels only: ImageIO writes no metadata it is not given. */
    private static byte[] encode(BufferedImage image, Encoding encoding, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(encoding.imageIoName).next();
        var bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            if (encoding == Encoding.JPEG) {
                parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                parameters.setCompressionQuality(quality);
            }
            writer.write(null, new IIOImage(image, null, null), parameters);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
