package com.usdtagent.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.usdtagent.application.attachment.ByteSource;
import com.usdtagent.application.attachment.ContentInspector;
import com.usdtagent.application.attachment.ContentInspector.Inspection;
import com.usdtagent.application.attachment.UnsupportedContent;
import com.usdtagent.domain.attachment.AttachmentKind;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.media.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MediaInspectorTest {

    private static final long FORTY_MEGAPIXELS = 40_000_000;
    private final ContentInspector inspector = Media.inspector(FORTY_MEGAPIXELS);

    @Test
    void aPhoneFotoLosesItsGpsCameraAndCommentsAndIsTurnedUpright() throws Exception {
        byte[] photo = TestImages.photoFromAPhone();
        var before = ImageMetadataReader.readMetadata(new ByteArrayInputStream(photo));
        assertThat(before.getFirstDirectoryOfType(ExifIFD0Directory.class).getInt(ExifIFD0Directory.TAG_ORIENTATION))
                .as("the fixture is turned").isEqualTo(6);
        assertThat(before.getFirstDirectoryOfType(GpsDirectory.class).getGeoLocation().getLatitude())
                .as("the fixture has a position").isCloseTo(TestImages.LATITUDE, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains(TestImages.CAMERA_SERIAL, TestImages.XMP_CREATOR);

        Inspection inspected = inspector.inspect(ByteSource.of(photo));

        assertThat(inspected.kind()).isEqualTo(AttachmentKind.IMAGE);
        assertThat(inspected.mime()).isEqualTo("image/jpeg");
        assertThat(inspected.width()).isEqualTo(160);
        assertThat(inspected.height()).isEqualTo(240);
        for (byte[] written : List.of(bytes(inspected.content()), bytes(inspected.thumbnail().content()))) {
            assertNoMetadata(written);
            BufferedImage shown = ImageIO.read(new ByteArrayInputStream(written));
            assertThat(color(shown, shown.getWidth() / 2, shown.getHeight() / 8)).as("top").isEqualTo(Color.RED);
            assertThat(color(shown, shown.getWidth() / 2, shown.getHeight() * 7 / 8)).as("bottom").isEqualTo(Color.BLUE);
        }
    }

    @Test
    void aPngStaysAPngWithItsTransparencyAndAThumbnailOf320OnTheLongerSide() throws IOException {
        Inspection inspected = inspector.inspect(ByteSource.of(TestImages.screenshot(1000, 500)));

        assertThat(inspected.mime()).isEqualTo("image/png");
        assertThat(inspected.width()).isEqualTo(1000);
        assertThat(inspected.height()).isEqualTo(500);
        BufferedImage stored = ImageIO.read(inspected.content().open());
        assertThat(stored.getRGB(0, 0) >>> 24).as("alpha of the transparent corner").isZero();
        assertThat(color(stored, 900, 250)).isEqualTo(Color.BLUE);
        assertThat(inspected.thumbnail().mime()).isEqualTo("image/png");
        BufferedImage thumbnail = ImageIO.read(inspected.thumbnail().content().open());
        assertThat(thumbnail.getWidth()).isEqualTo(320);
        assertThat(thumbnail.getHeight()).isEqualTo(160);
    }

    @Test
    void anOpaqueImagesThumbnailShowsItsPicture() throws IOException {
        var green = new Color(0x1f7a5c);
        var picture = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        var graphics = picture.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 640, 480);
        graphics.setColor(green);
        graphics.fillRect(0, 0, 320, 480);
        graphics.dispose();
        var png = new java.io.ByteArrayOutputStream();
        ImageIO.write(picture, "png", png);

        Inspection inspected = inspector.inspect(ByteSource.of(png.toByteArray()));

        BufferedImage thumbnail = ImageIO.read(inspected.thumbnail().content().open());
        assertThat(thumbnail.getWidth()).isEqualTo(320);
        for (int x = 0; x < 150; x++) {
            assertThat(new Color(thumbnail.getRGB(x, 120))).as("the green half, column " + x).isEqualTo(green);
        }
    }

    @Test
    void aWebpIsWrittenAgainAsAJpegSinceImageIoWritesNoWebp() throws IOException {
        Inspection inspected = inspector.inspect(ByteSource.of(TestImages.webp()));

        assertThat(inspected.mime()).isEqualTo("image/jpeg");
        assertThat(inspected.width()).isEqualTo(64);
        BufferedImage stored = ImageIO.read(inspected.content().open());
        assertThat(color(stored, 8, 24)).isEqualTo(Color.RED);
        assertThat(color(stored, 56, 24)).isEqualTo(Color.BLUE);
    }

    @Test
    void aPdfIsKeptAsSentWithoutAThumbnail() {
        byte[] pdf = TestImages.pdf();

        Inspection inspected = inspector.inspect(ByteSource.of(pdf));

        assertThat(inspected.kind()).isEqualTo(AttachmentKind.FILE);
        assertThat(inspected.mime()).isEqualTo("application/pdf");
        assertThat(bytes(inspected.content())).isEqualTo(pdf);
        assertThat(inspected.thumbnail()).isNull();
        assertThat(inspected.width()).isNull();
    }

    @Test
    void aScriptAfterAValidPhotoIsNotKept() {
        Inspection inspected = inspector.inspect(ByteSource.of(TestImages.photoThenScript()));

        assertThat(new String(bytes(inspected.content()), StandardCharsets.ISO_8859_1)).doesNotContain("<script>");
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("HTML", TestImages.html()),
                Arguments.of("SVG", TestImages.svg()),
                Arguments.of("a PNG signature before a web page", TestImages.pngThenHtml()),
                Arguments.of("a PDF header and trailer around a web page", TestImages.pdfThenHtml()),
                Arguments.of("half a photo", TestImages.truncatedPhoto()),
                Arguments.of("nothing", new byte[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void refused(String what, byte[] upload) {
        assertThatThrownBy(() -> inspector.inspect(ByteSource.of(upload)))
                .isInstanceOfSatisfying(UnsupportedContent.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                    assertThat(refusal.details()).extracting(detail -> detail.field()).containsExactly("file");
                });
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderWithoutDecodingIt() {
        byte[] bomb = TestImages.pixelBomb(100_000, 100_000);
        assertThat(bomb.length).isLessThan(100);

        assertThatThrownBy(() -> inspector.inspect(ByteSource.of(bomb)))
                .isInstanceOfSatisfying(BusinessException.class, refusal -> {
                    assertThat(refusal).isNotInstanceOf(UnsupportedContent.class);
                    assertThat(refusal.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                    assertThat(refusal.details().getFirst().message()).contains("10000000000 pixels");
                });
    }

    @Test
    void thePixelLimitIsTheOneConfigured() {
        var strict = Media.inspector(1_000_000);
        assertThatThrownBy(() -> strict.inspect(ByteSource.of(TestImages.jpeg(TestImages.halves(1001, 1000)))))
                .isInstanceOf(BusinessException.class);
        assertThat(strict.inspect(ByteSource.of(TestImages.jpeg(TestImages.halves(1000, 1000)))).width()).isEqualTo(1000);
    }

    private static void assertNoMetadata(byte[] written) throws Exception {
        var metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(written));
        for (Directory directory : metadata.getDirectories()) {
            assertThat(directory.getName()).as("metadata left in the image").isIn("JPEG", "JFIF", "Huffman", "File Type");
        }
        String raw = new String(written, StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("Exif", TestImages.CAMERA_MAKE, TestImages.CAMERA_SERIAL,
                TestImages.CAMERA_OWNER_NOTE, TestImages.XMP_CREATOR, "http://ns.adobe.com/xap");
    }

    /** The nearest of red, blue, black and white: JPEG shifts colours a little. */
    private static Color color(BufferedImage image, int x, int y) {
        Color pixel = new Color(image.getRGB(x, y));
        return Stream.of(Color.RED, Color.BLUE, Color.BLACK, Color.WHITE)
                .min(java.util.Comparator.comparingInt(candidate -> Math.abs(candidate.getRed() - pixel.getRed())
                        + Math.abs(candidate.getGreen() - pixel.getGreen()) + Math.abs(candidate.getBlue() - pixel.getBlue())))
                .orElseThrow();
    }

    private static byte[] bytes(ByteSource source) {
        try (InputStream content = source.open()) {
            return content.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
