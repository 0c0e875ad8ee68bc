package com.usdtagent.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.usdtagent.application.attachment.ByteSource;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;

/**
 * The EXIF orientation of a photo (1 to 8: how the camera was held), read with metadata-extractor, and the turn or
 * mirror that shows its pixels upright. Applied before the metadata is dropped, so the image looks the same after.
 */
final class Orientation {

    static final int UPRIGHT = 1;

    private Orientation() {
    }

    /** The photo's orientation; {@link #UPRIGHT} when it has none or its metadata cannot be read. */
    static int of(ByteSource image) {
        try (InputStream content = image.open()) {
            var exif = ImageMetadataReader.readMetadata(content).getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                int orientation = exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
                return orientation >= 1 && orientation <= 8 ? orientation : UPRIGHT;
            }
        } catch (ImageProcessingException | MetadataException | IOException | RuntimeException unreadable) {
            // metadata is dropped anyway; without a readable orientation the pixels stay as stored
        }
        return UPRIGHT;
    }

    /** {@code stored} turned upright, in an image of {@code type}: a copy, unless it is upright in that type already. */
    static BufferedImage upright(BufferedImage stored, int orientation, int type) {
        if (orientation == UPRIGHT && stored.getType() == type) {
            return stored;
        }
        int w = stored.getWidth();
        int h = stored.getHeight();
        boolean quarterTurn = orientation >= 5;
        var upright = new BufferedImage(quarterTurn ? h : w, quarterTurn ? w : h, type);
        // each maps a stored pixel (x, y) to where it is shown: new AffineTransform(m00, m10, m01, m11, m02, m12)
        AffineTransform shown = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);   // mirrored left to right
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);  // upside down
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);   // mirrored top to bottom
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);    // mirrored along the diagonal
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);   // turned a quarter clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);  // mirrored along the other diagonal
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);   // turned a quarter counter-clockwise
            default -> new AffineTransform();
        };
        Graphics2D canvas = upright.createGraphics();
        try {
            canvas.drawImage(stored, shown, null);
        } finally {
            canvas.dispose();
        }
        return upright;
    }
}
