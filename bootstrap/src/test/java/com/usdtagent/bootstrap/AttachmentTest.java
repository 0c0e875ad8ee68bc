package com.usdtagent.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.usdtagent.application.attachment.AttachmentLinks;
import com.usdtagent.application.attachment.AttachmentStore.Variant;
import com.usdtagent.domain.attachment.AttachmentId;
import com.usdtagent.identity.Identity;
import com.usdtagent.media.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
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
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads and downloads end to end: real server, PostgreSQL, HTTP clients and real images; what is accepted and
 * what comes back, the limits, the links and who may follow them.
 */
class AttachmentTest {

    private static final long MAX_BYTES = 2 * 1024 * 1024;
    private static final long DAILY_BYTES = 5 * 1024 * 1024;
    private static final Duration LINK_TTL = Duration.ofMinutes(15);
    private static TestNode node;
    private static String admin;
    private final RoomFiles files = new RoomFiles(node);

    @BeforeAll
    static void start() {
        node = TestNode.start(new Settings.AttachmentSettings(MAX_BYTES, DAILY_BYTES, 40_000_000, LINK_TTL,
                Optional.empty()));
        admin = node.adminToken();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @AfterEach
    void closeSockets() {
        files.close();
    }

    @Test
    void aPhonePhotoComesBackUprightWithoutItsPositionCameraOrComments() throws IOException {
        RoomFiles.Pair pair = files.pair();
        byte[] photo = TestImages.photoFromAPhone();

        JsonNode attachment = files.uploaded(pair.user(), pair.roomId(), "IMG_0042.jpg", "image/jpeg", photo);

        assertThat(attachment.path("kind").asText()).isEqualTo("image");
        assertThat(attachment.path("mime").asText()).isEqualTo("image/jpeg");
        assertThat(attachment.path("name").asText()).isEqualTo("IMG_0042.jpg");
        assertThat(attachment.path("width").asInt()).isEqualTo(160);
        assertThat(attachment.path("height").asInt()).isEqualTo(240);
        assertThat(attachment.path("url").asText()).startsWith("/files/" + attachment.path("id").asText() + "?exp=");
        assertThat(Instant.parse(attachment.path("expiresAt").asText()))
                .isBetween(Instant.now().plus(LINK_TTL).minusSeconds(5), Instant.now().plus(LINK_TTL).plusSeconds(65));

        var file = files.download(attachment.path("url").asText());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(file.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(file.headers().firstValue("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(file.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).startsWith("inline; filename=\"IMG_0042.jpg\""));
        assertThat(file.body().length).isEqualTo(attachment.path("size").asInt());
        String raw = new String(file.body(), StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("Exif", TestImages.CAMERA_MAKE, TestImages.CAMERA_SERIAL,
                TestImages.CAMERA_OWNER_NOTE, TestImages.XMP_CREATOR);
        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(file.body()));
        assertThat(nearest(shown.getRGB(80, 20))).as("top").isEqualTo(Color.RED);
        assertThat(nearest(shown.getRGB(80, 220))).as("bottom").isEqualTo(Color.BLUE);

        var thumbnail = files.download(attachment.path("thumbnailUrl").asText());
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
        assertThat(Math.max(small.getWidth(), small.getHeight())).isLessThanOrEqualTo(320);
        assertThat(new String(thumbnail.body(), StandardCharsets.ISO_8859_1)).doesNotContain(TestImages.CAMERA_SERIAL);
    }

    @Test
    void aPngAndAPdfPassByTheirContentWhateverTheyClaimAndThePdfIsADownload() {
        RoomFiles.Pair pair = files.pair();
        JsonNode png = files.uploaded(pair.agent(), pair.roomId(), "screen.png", "application/octet-stream",
                TestImages.screenshot(640, 480));
        byte[] pdfBytes = TestImages.pdf();
        JsonNode pdf = files.uploaded(pair.user(), pair.roomId(), "bank receipt.pdf", "image/png", pdfBytes);

        assertThat(png.path("mime").asText()).isEqualTo("image/png");
        assertThat(files.download(png.path("url").asText()).headers().firstValue("Content-Type")).contains("image/png");
        assertThat(pdf.path("kind").asText()).isEqualTo("file");
        assertThat(pdf.path("mime").asText()).isEqualTo("application/pdf");
        assertThat(pdf.path("width").isNull()).isTrue();
        assertThat(pdf.path("thumbnailUrl").isNull()).isTrue();
        var file = files.download(pdf.path("url").asText());
        assertThat(file.body()).isEqualTo(pdfBytes);
        assertThat(file.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(file.headers().firstValue("Content-Disposition")).contains(
                "attachment; filename=\"bank receipt.pdf\"; filename*=UTF-8''bank%20receipt.pdf");
        assertThat(file.headers().firstValue("Content-Security-Policy")).contains("default-src 'none'");
    }

    static Stream<Arguments> refusedUploads() {
        return Stream.of(
                Arguments.of("HTML", "photo.jpg", TestImages.html(), 415),
                Arguments.of("SVG", "logo.svg", TestImages.svg(), 415),
                Arguments.of("a polyglot", "photo.png", TestImages.pngThenHtml(), 415),
                Arguments.of("a truncated photo", "photo.jpg", TestImages.truncatedPhoto(), 415),
                Arguments.of("a pixel bomb", "huge.png", TestImages.pixelBomb(100_000, 100_000), 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedUploads")
    void refusedWithACodedErrorAndNothingStored(String what, String name, byte[] bytes, int status) {
        RoomFiles.Pair pair = files.pair();

        var response = files.upload(pair.user(), pair.roomId(), name, "image/jpeg", bytes);

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().path("error").path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().path("error").path("details").path(0).path("field").asText()).isEqualTo("file");
        assertThat(files.storedBy(pair.user())).isZero();
    }

    @Test
    void aBodyDeclaredTooLargeIsRefusedBeforeItIsSent() throws Exception {
        RoomFiles.Pair pair = files.pair();
        var pulled = new AtomicLong();
        var huge = HttpRequest.BodyPublishers.fromPublisher(counting(HttpRequest.BodyPublishers.ofByteArray(
                new byte[(int) MAX_BYTES * 2]), pulled), MAX_BYTES * 2);

        var response = node.send(node.request("/api/rooms/" + pair.roomId() + "/attachments", pair.user().token())
                .expectContinue(true)
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(huge));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().path("error").path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(pulled.get()).as("bytes the client had to send").isZero();
        assertThat(files.storedBy(pair.user())).isZero();
    }

    @Test
    void aBodyWithoutALengthIsCountedAndRefusedOnceItPassesTheLimit() throws Exception {
        RoomFiles.Pair pair = files.pair();
        byte[] start = ("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

        String status;
        try (var socket = new Socket("127.0.0.1", node.httpPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/rooms/" + pair.roomId() + "/attachments HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + pair.user().token() + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=x\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            // the body keeps coming, well past the limit, while the answer is read
            CompletableFuture.runAsync(() -> {
                try {
                    chunk(out, start);
                    byte[] megabyte = new byte[1024 * 1024];
                    for (int i = 0; i < 8; i++) {
                        chunk(out, megabyte);
                    }
                } catch (IOException closedByTheServer) {
                    // expected once the server refused
                }
            });
            InputStream in = socket.getInputStream();
            status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
        }

        assertThat(status).isEqualTo("HTTP/1.1 413");
        assertThat(files.storedBy(pair.user())).isZero();
    }

    @Test
    void onlyMembersGetAFile() {
        RoomFiles.Pair pair = files.pair();
        var stranger = node.register("user_" + UUID.randomUUID().toString().substring(0, 8), "user");
        JsonNode attachment = files.uploaded(pair.user(), pair.roomId(), "a.png", "image/png", TestImages.screenshot(20, 20));
        String id = attachment.path("id").asText();

        assertThat(files.upload(stranger, pair.roomId(), "b.png", "image/png", TestImages.screenshot(20, 20)).status())
                .isEqualTo(404);
        assertThat(node.fetch("/api/attachments/" + id, stranger.token()).statusCode()).isEqualTo(404);
        assertThat(node.fetch("/api/attachments/" + id, admin).statusCode()).as("an admin, without an appeal")
                .isEqualTo(404);
        assertThat(node.fetch("/api/attachments/" + UUID.randomUUID(), pair.user().token()).statusCode()).isEqualTo(404);
        assertThat(node.fetch("/api/attachments/" + id, null).statusCode()).isEqualTo(401);

        var redirect = node.fetch("/api/attachments/" + id, pair.agent().token());
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/files/" + id + "?exp=");
        assertThat(files.download(location).statusCode()).isEqualTo(200);
    }

    @Test
    void aTamperedExpiredOrBorrowedLinkIs403AndAGoneFileIs404() {
        RoomFiles.Pair pair = files.pair();
        JsonNode first = files.uploaded(pair.user(), pair.roomId(), "a.png", "image/png", TestImages.screenshot(20, 20));
        JsonNode second = files.uploaded(pair.user(), pair.roomId(), "b.png", "image/png", TestImages.screenshot(30, 20));
        String url = first.path("url").asText();
        String id = first.path("id").asText();
        String query = url.substring(url.indexOf('?'));
        long exp = Long.parseLong(query.replaceAll(".*exp=(\\d+).*", "$1"));
        String sig = query.replaceAll(".*sig=([^&]+).*", "$1");

        assertThat(files.download(url).statusCode()).isEqualTo(200);
        for (String bad : List.of(
                "/files/" + id + "?exp=" + exp + "&sig=" + flipLast(sig),
                "/files/" + id + "?exp=" + (exp + 3600) + "&sig=" + sig,
                "/files/" + second.path("id").asText() + query,
                "/files/" + id + "/thumbnail" + query,
                "/files/" + id + "?exp=" + exp,
                "/files/" + id + "?exp=soon&sig=" + sig,
                // signed with the server's key, as the server would have signed it an hour ago
                linksAt(Instant.now().minus(Duration.ofHours(1))).link(new AttachmentId(UUID.fromString(id)), Variant.ORIGINAL))) {
            var refused = files.download(bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(403);
            assertThat(refused.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        }
        String gone = linksAt(Instant.now()).link(AttachmentId.newId(), Variant.ORIGINAL);
        assertThat(files.download(gone).statusCode()).isEqualTo(404);
    }

    @Test
    void aUserUploadsAtMostTheDailyQuota() {
        RoomFiles.Pair pair = files.pair();
        byte[] photo = TestImages.noisyPhoto(800, 800, 3);
        assertThat(photo.length).isBetween(200_000, (int) MAX_BYTES);
        long fits = DAILY_BYTES / photo.length;

        for (int i = 0; i < fits; i++) {
            files.uploaded(pair.user(), pair.roomId(), "p" + i + ".jpg", "image/jpeg", photo);
        }
        var refused = files.upload(pair.user(), pair.roomId(), "one more.jpg", "image/jpeg", photo);

        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.json().path("error").path("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(node.number("SELECT count(*) FROM attachment WHERE uploader_id = '" + pair.user().id() + "'"))
                .isEqualTo(fits);
        assertThat(files.uploaded(pair.agent(), pair.roomId(), "theirs.jpg", "image/jpeg", photo).path("id").isTextual())
                .as("the other member's own quota").isTrue();
    }

    @Test
    void twoNodesServeTheSameFile() {
        try (TestNode other = TestNode.startAlongside(node)) {
            RoomFiles.Pair pair = files.pair();
            byte[] pdf = TestImages.pdf();
            JsonNode attachment = files.uploaded(pair.user(), pair.roomId(), "a.pdf", "application/pdf", pdf);

            var here = files.download(attachment.path("url").asText());
            var there = other.fetch(attachment.path("url").asText(), null);

            assertThat(there.statusCode()).isEqualTo(200);
            assertThat(there.body()).isEqualTo(here.body()).isEqualTo(pdf);
            assertThat(other.fetch("/api/attachments/" + attachment.path("id").asText(), pair.agent().token())
                    .statusCode()).isEqualTo(302);
        }
    }

    private static AttachmentLinks linksAt(Instant at) {
        return new AttachmentLinks(Identity.linkSigner(TestNode.JWT_SECRET.getBytes(StandardCharsets.UTF_8)), LINK_TTL,
                Clock.fixed(at, ZoneOffset.UTC));
    }

    private static String flipLast(String signature) {
        char last = signature.charAt(signature.length() - 1);
        return signature.substring(0, signature.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    private static void chunk(OutputStream out, byte[] bytes) throws IOException {
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Counts the bytes the HTTP client takes from the body to send. */
    private static Flow.Publisher<ByteBuffer> counting(Flow.Publisher<ByteBuffer> body, AtomicLong pulled) {
        return subscriber -> body.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscriber.onSubscribe(subscription);
            }

            @Override
            public void onNext(ByteBuffer item) {
                pulled.addAndGet(item.remaining());
                subscriber.onNext(item);
            }

            @Override
            public void onError(Throwable throwable) {
                subscriber.onError(throwable);
            }

            @Override
            public void onComplete() {
                subscriber.onComplete();
            }
        });
    }

    /** The nearest of red and blue: JPEG shifts colours a little. */
    private static Color nearest(int rgb) {
        Color pixel = new Color(rgb);
        return pixel.getRed() > pixel.getBlue() ? Color.RED : Color.BLUE;
    }
}
