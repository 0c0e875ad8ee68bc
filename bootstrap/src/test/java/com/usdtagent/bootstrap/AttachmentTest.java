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
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Files in rooms and appeals end to end: real server, PostgreSQL, HTTP and socket.io clients, real images. */
class AttachmentTest {

    private static final long MAX_BYTES = 2 * 1024 * 1024;
    private static final long DAILY_BYTES = 5 * 1024 * 1024;
    private static final Duration LINK_TTL = Duration.ofMinutes(15);
    private static TestNode node;
    private static String admin;
    private final List<SocketClient> sockets = new ArrayList<>();

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
        sockets.forEach(SocketClient::close);
    }

    /** A user and an agent with a room of their own. */
    private record Pair(TestNode.Account user, TestNode.Account agent, String roomId) {
    }

    private Pair pair() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        var user = node.register("user_" + suffix, "user");
        var agent = node.register("agent_" + suffix, "agent");
        var ack = connect(user).call("create-room", "{\"participantId\":\"" + agent.id() + "\"}");
        return new Pair(user, agent, ack.path("data").path("roomId").asText());
    }

    private SocketClient connect(TestNode.Account account) {
        var socket = SocketClient.connect(node.socketUri(), account.token());
        sockets.add(socket);
        socket.awaitEvent("chat-room-list");
        return socket;
    }

    /** The ack of {@code send-message} with these files and text (left out when null). */
    private static JsonNode send(SocketClient sender, String roomId, String clientMessageId, String text, String... files) {
        String ids = String.join(",", Stream.of(files).map(id -> "\"" + id + "\"").toList());
        return sender.call("send-message", "{\"roomId\":\"%s\",\"clientMessageId\":\"%s\",%s\"attachmentIds\":[%s]}"
                .formatted(roomId, clientMessageId, text == null ? "" : "\"text\":\"" + text + "\",", ids));
    }

    private static String errorCode(JsonNode ack) {
        return ack.path("error").path("code").asText();
    }

    private static TestNode.Response upload(TestNode.Account by, String roomId, String name, String type, byte[] bytes) {
        return node.upload("/api/rooms/" + roomId + "/attachments", by.token(), name, type, bytes);
    }

    private static JsonNode uploaded(TestNode.Account by, String roomId, String name, String type, byte[] bytes) {
        var response = upload(by, roomId, name, type, bytes);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("attachment");
    }

    private static HttpResponse<byte[]> download(String link) {
        return node.fetch(link, null);
    }

    private static long storedBy(TestNode.Account user) {
        return node.number("SELECT count(*) FROM attachment WHERE uploader_id = '" + user.id() + "'")
                + node.number("SELECT count(*) FROM upload_quota WHERE user_id = '" + user.id() + "'");
    }

    @Test
    void aPhonePhotoComesBackUprightWithoutItsPositionCameraOrComments() throws IOException {
        Pair pair = pair();
        byte[] photo = TestImages.photoFromAPhone();

        JsonNode attachment = uploaded(pair.user(), pair.roomId(), "IMG_0042.jpg", "image/jpeg", photo);

        assertThat(attachment.path("kind").asText()).isEqualTo("image");
        assertThat(attachment.path("mime").asText()).isEqualTo("image/jpeg");
        assertThat(attachment.path("name").asText()).isEqualTo("IMG_0042.jpg");
        assertThat(attachment.path("width").asInt()).isEqualTo(160);
        assertThat(attachment.path("height").asInt()).isEqualTo(240);
        assertThat(attachment.path("url").asText()).startsWith("/files/" + attachment.path("id").asText() + "?exp=");
        assertThat(Instant.parse(attachment.path("expiresAt").asText()))
                .isBetween(Instant.now().plus(LINK_TTL).minusSeconds(5), Instant.now().plus(LINK_TTL).plusSeconds(65));

        var file = download(attachment.path("url").asText());
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

        var thumbnail = download(attachment.path("thumbnailUrl").asText());
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
        assertThat(Math.max(small.getWidth(), small.getHeight())).isLessThanOrEqualTo(320);
        assertThat(new String(thumbnail.body(), StandardCharsets.ISO_8859_1)).doesNotContain(TestImages.CAMERA_SERIAL);
    }

    @Test
    void aPngAndAPdfPassByTheirContentWhateverTheyClaimAndThePdfIsADownload() {
        Pair pair = pair();
        JsonNode png = uploaded(pair.agent(), pair.roomId(), "screen.png", "application/octet-stream",
                TestImages.screenshot(640, 480));
        byte[] pdfBytes = TestImages.pdf();
        JsonNode pdf = uploaded(pair.user(), pair.roomId(), "bank receipt.pdf", "image/png", pdfBytes);

        assertThat(png.path("mime").asText()).isEqualTo("image/png");
        assertThat(download(png.path("url").asText()).headers().firstValue("Content-Type")).contains("image/png");
        assertThat(pdf.path("kind").asText()).isEqualTo("file");
        assertThat(pdf.path("mime").asText()).isEqualTo("application/pdf");
        assertThat(pdf.path("width").isNull()).isTrue();
        assertThat(pdf.path("thumbnailUrl").isNull()).isTrue();
        var file = download(pdf.path("url").asText());
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
        Pair pair = pair();

        var response = upload(pair.user(), pair.roomId(), name, "image/jpeg", bytes);

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().path("error").path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().path("error").path("details").path(0).path("field").asText()).isEqualTo("file");
        assertThat(storedBy(pair.user())).isZero();
    }

    @Test
    void aBodyDeclaredTooLargeIsRefusedBeforeItIsSent() throws Exception {
        Pair pair = pair();
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
        assertThat(storedBy(pair.user())).isZero();
    }

    @Test
    void aBodyWithoutALengthIsCountedAndRefusedOnceItPassesTheLimit() throws Exception {
        Pair pair = pair();
        byte[] start = ("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

        String status;
        try (var socket = new Socket("127.0.0.1", node.port())) {
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
        assertThat(storedBy(pair.user())).isZero();
    }

    @Test
    void onlyMembersGetAFile() {
        Pair pair = pair();
        var stranger = node.register("user_" + UUID.randomUUID().toString().substring(0, 8), "user");
        JsonNode attachment = uploaded(pair.user(), pair.roomId(), "a.png", "image/png", TestImages.screenshot(20, 20));
        String id = attachment.path("id").asText();

        assertThat(upload(stranger, pair.roomId(), "b.png", "image/png", TestImages.screenshot(20, 20)).status())
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
        assertThat(download(location).statusCode()).isEqualTo(200);
    }

    @Test
    void aTamperedExpiredOrBorrowedLinkIs403AndAGoneFileIs404() {
        Pair pair = pair();
        JsonNode first = uploaded(pair.user(), pair.roomId(), "a.png", "image/png", TestImages.screenshot(20, 20));
        JsonNode second = uploaded(pair.user(), pair.roomId(), "b.png", "image/png", TestImages.screenshot(30, 20));
        String url = first.path("url").asText();
        String id = first.path("id").asText();
        String query = url.substring(url.indexOf('?'));
        long exp = Long.parseLong(query.replaceAll(".*exp=(\\d+).*", "$1"));
        String sig = query.replaceAll(".*sig=([^&]+).*", "$1");

        assertThat(download(url).statusCode()).isEqualTo(200);
        for (String bad : List.of(
                "/files/" + id + "?exp=" + exp + "&sig=" + flipLast(sig),
                "/files/" + id + "?exp=" + (exp + 3600) + "&sig=" + sig,
                "/files/" + second.path("id").asText() + query,
                "/files/" + id + "/thumbnail" + query,
                "/files/" + id + "?exp=" + exp,
                "/files/" + id + "?exp=soon&sig=" + sig,
                // signed with the server's key, as the server would have signed it an hour ago
                linksAt(Instant.now().minus(Duration.ofHours(1))).link(new AttachmentId(UUID.fromString(id)), Variant.ORIGINAL))) {
            var refused = download(bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(403);
            assertThat(refused.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        }
        String gone = linksAt(Instant.now()).link(AttachmentId.newId(), Variant.ORIGINAL);
        assertThat(download(gone).statusCode()).isEqualTo(404);
    }

    @Test
    void aUserUploadsAtMostTheDailyQuota() {
        Pair pair = pair();
        byte[] photo = TestImages.noisyPhoto(800, 800, 3);
        assertThat(photo.length).isBetween(200_000, (int) MAX_BYTES);
        long fits = DAILY_BYTES / photo.length;

        for (int i = 0; i < fits; i++) {
            uploaded(pair.user(), pair.roomId(), "p" + i + ".jpg", "image/jpeg", photo);
        }
        var refused = upload(pair.user(), pair.roomId(), "one more.jpg", "image/jpeg", photo);

        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.json().path("error").path("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(node.number("SELECT count(*) FROM attachment WHERE uploader_id = '" + pair.user().id() + "'"))
                .isEqualTo(fits);
        assertThat(uploaded(pair.agent(), pair.roomId(), "theirs.jpg", "image/jpeg", photo).path("id").isTextual())
                .as("the other member's own quota").isTrue();
    }

    @Test
    void twoNodesServeTheSameFile() {
        try (TestNode other = TestNode.startAlongside(node)) {
            Pair pair = pair();
            byte[] pdf = TestImages.pdf();
            JsonNode attachment = uploaded(pair.user(), pair.roomId(), "a.pdf", "application/pdf", pdf);

            var here = download(attachment.path("url").asText());
            var there = other.fetch(attachment.path("url").asText(), null);

            assertThat(there.statusCode()).isEqualTo(200);
            assertThat(there.body()).isEqualTo(here.body()).isEqualTo(pdf);
            assertThat(other.fetch("/api/attachments/" + attachment.path("id").asText(), pair.agent().token())
                    .statusCode()).isEqualTo(302);
        }
    }

    @Test
    void anAppealShowsItsEvidenceToAnAdminAndKeepsItWhileUnsentUploadsAreCollected() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        var agent = node.register("agent_" + suffix, "agent");
        var user = node.register("user_" + suffix, "user");
        SocketClient userSocket = connect(user);
        Trades.deposit(node, admin, agent, "100");
        JsonNode order = Trades.placed(node, user, Trades.offer(node, agent, "SELL"), "20");
        String orderId = order.path("id").asText();
        String roomId = order.path("roomId").asText();
        assertThat(node.post("/api/orders/" + orderId + "/paid", "{}", user.token()).status()).isEqualTo(200);
        JsonNode proof = uploaded(user, roomId, "transfer.png", "image/png", TestImages.screenshot(300, 600));
        JsonNode unsent = uploaded(user, roomId, "draft.png", "image/png", TestImages.screenshot(10, 10));
        JsonNode agentsDraft = uploaded(agent, roomId, "agent.png", "image/png", TestImages.screenshot(10, 10));
        JsonNode sentInChat = uploaded(user, roomId, "sent.png", "image/png", TestImages.screenshot(12, 12));
        assertThat(send(userSocket, roomId, "sent", "a file in chat", sentInChat.path("id").asText())
                .path("ok").asBoolean()).isTrue();
        String proofId = proof.path("id").asText();
        assertThat(node.fetch("/api/attachments/" + proofId, admin).statusCode()).as("before the appeal").isEqualTo(404);

        var othersFile = node.post("/api/orders/" + orderId + "/appeal", """
                {"reason":"I paid, here is the transfer","attachmentIds":["%s"]}""".formatted(
                agentsDraft.path("id").asText()), user.token());
        assertThat(othersFile.status()).as(othersFile.body()).isEqualTo(403);
        var unknown = node.post("/api/orders/" + orderId + "/appeal", """
                {"reason":"I paid, here is the transfer","attachmentIds":["%s"]}""".formatted(UUID.randomUUID()),
                user.token());
        assertThat(unknown.status()).isEqualTo(404);
        var tooShort = node.post("/api/orders/" + orderId + "/appeal", "{\"reason\":\"I paid\"}", user.token());
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().path("error").path("details").path(0).path("field").asText()).isEqualTo("reason");

        var appealed = node.post("/api/orders/" + orderId + "/appeal", """
                {"reason":"I paid, here is the transfer","attachmentIds":["%s"]}""".formatted(proofId), user.token());
        assertThat(appealed.status()).as(appealed.body()).isEqualTo(200);
        assertThat(appealed.json().path("appeal").path("attachments").path(0).path("id").asText()).isEqualTo(proofId);
        userSocket.awaitEvent("order-updated", payload -> payload.path("order").path("status").asText().equals("APPEAL")
                && payload.path("order").path("appeal").path("attachments").path(0).path("id").asText().equals(proofId));

        JsonNode seenByAdmin = node.get("/api/orders/" + orderId, admin).json();
        JsonNode evidence = seenByAdmin.path("appeal").path("attachments").path(0);
        assertThat(evidence.path("name").asText()).isEqualTo("transfer.png");
        var file = download(evidence.path("url").asText());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(download(proof.path("url").asText()).body());
        assertThat(node.fetch("/api/attachments/" + proofId, admin).statusCode()).as("under appeal").isEqualTo(302);

        node.execute("UPDATE attachment SET created_at = now() - interval '2 hours' WHERE room_id = '" + roomId + "'");
        await().atMost(Duration.ofSeconds(20)).until(() -> download(unsent.path("url").asText()).statusCode() == 404);
        assertThat(node.number("SELECT count(*) FROM attachment_blob WHERE attachment_id = '"
                + unsent.path("id").asText() + "'")).isZero();
        assertThat(download(proof.path("url").asText()).statusCode()).as("evidence is kept").isEqualTo(200);
        assertThat(download(sentInChat.path("url").asText()).statusCode()).as("a sent file is kept").isEqualTo(200);
    }

    @Test
    void aMessageSendsFilesAndEveryFetchOfItCarriesWorkingLinks() {
        Pair pair = pair();
        SocketClient userSocket = connect(pair.user());
        SocketClient agentSocket = connect(pair.agent());
        String photo = uploaded(pair.user(), pair.roomId(), "IMG_1.jpg", "image/jpeg", TestImages.photoFromAPhone())
                .path("id").asText();
        String receipt = uploaded(pair.user(), pair.roomId(), "receipt.pdf", "application/pdf", TestImages.pdf())
                .path("id").asText();

        JsonNode ack = send(userSocket, pair.roomId(), "with-files", null, photo, receipt);

        assertThat(ack.path("ok").asBoolean()).as(ack.toString()).isTrue();
        JsonNode message = ack.path("data").path("message");
        assertThat(message.path("type").asText()).isEqualTo("text");
        assertThat(message.path("text").asText()).isEmpty();
        assertThat(message.path("attachments").findValuesAsText("id")).containsExactly(photo, receipt);
        JsonNode arrived = agentSocket.awaitEvent("new-message",
                payload -> payload.path("message").path("id").asText().equals(message.path("id").asText()));
        JsonNode history = agentSocket.call("chat-history", "{\"roomId\":\"" + pair.roomId() + "\"}")
                .path("data").path("messages").path(0);
        JsonNode listed = agentSocket.call("chat-room-list", "{}").path("data").path("rooms").path(0).path("lastMessage");
        JsonNode reloaded = agentSocket.awaitEvent("reload-chat-list",
                payload -> payload.path("room").path("lastMessage").path("id").asText().equals(message.path("id").asText()));
        for (JsonNode seen : List.of(message, arrived.path("message"), history, listed,
                reloaded.path("room").path("lastMessage"))) {
            JsonNode first = seen.path("attachments").path(0);
            assertThat(first.path("id").asText()).as(seen.toString()).isEqualTo(photo);
            assertThat(first.path("kind").asText()).isEqualTo("image");
            assertThat(download(first.path("url").asText()).statusCode()).isEqualTo(200);
            assertThat(download(first.path("thumbnailUrl").asText()).statusCode()).isEqualTo(200);
            assertThat(download(seen.path("attachments").path(1).path("url").asText()).body()).startsWith(
                    "%PDF".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(userSocket.call("chat-history", "{\"roomId\":\"" + pair.roomId() + "\"}").path("data")
                .path("messages").path(0).path("attachments")).hasSize(2);
        JsonNode plain = send(userSocket, pair.roomId(), "plain", "no files").path("data").path("message");
        assertThat(plain.path("attachments").isArray()).isTrue();
        assertThat(plain.path("attachments")).isEmpty();
    }

    @Test
    void aFileIsSentOnlyByItsUploaderOnlyInItsRoomAndOnlyOnce() {
        Pair pair = pair();
        SocketClient userSocket = connect(pair.user());
        SocketClient agentSocket = connect(pair.agent());
        var otherAgent = node.register("agent_" + UUID.randomUUID().toString().substring(0, 8), "agent");
        String otherRoom = userSocket.call("create-room", "{\"participantId\":\"" + otherAgent.id() + "\"}")
                .path("data").path("roomId").asText();
        String file = uploaded(pair.user(), pair.roomId(), "a.png", "image/png", TestImages.screenshot(20, 20))
                .path("id").asText();

        assertThat(errorCode(send(agentSocket, pair.roomId(), "theirs", "mine now?", file))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(send(userSocket, otherRoom, "elsewhere", "look", file))).isEqualTo("FORBIDDEN");
        assertThat(errorCode(send(userSocket, pair.roomId(), "unknown", "look", UUID.randomUUID().toString())))
                .isEqualTo("NOT_FOUND");
        JsonNode first = send(userSocket, pair.roomId(), "once", "here it is", file);
        assertThat(first.path("ok").asBoolean()).as(first.toString()).isTrue();
        assertThat(errorCode(send(userSocket, pair.roomId(), "twice", "again", file))).isEqualTo("INVALID_STATE");
        JsonNode repeat = send(userSocket, pair.roomId(), "once", "here it is", file);
        assertThat(repeat.path("data").path("message").path("id").asText())
                .as("a resend of the same clientMessageId is the stored message")
                .isEqualTo(first.path("data").path("message").path("id").asText());
        assertThat(repeat.path("data").path("message").path("attachments").path(0).path("id").asText()).isEqualTo(file);
        assertThat(userSocket.call("chat-history", "{\"roomId\":\"" + pair.roomId() + "\"}").path("data")
                .path("messages")).hasSize(1);
        assertThat(userSocket.call("chat-history", "{\"roomId\":\"" + otherRoom + "\"}").path("data")
                .path("messages")).isEmpty();
    }

    @Test
    void twoSendsOfOneFileAtOnceStoreOneMessage() {
        Pair pair = pair();
        SocketClient phone = connect(pair.user());
        SocketClient laptop = connect(pair.user());
        String file = uploaded(pair.user(), pair.roomId(), "a.png", "image/png", TestImages.screenshot(20, 20))
                .path("id").asText();
        String payload = "{\"roomId\":\"" + pair.roomId() + "\",\"clientMessageId\":\"%s\",\"attachmentIds\":[\""
                + file + "\"]}";

        var fromPhone = phone.callAsync("send-message", payload.formatted("phone"));
        var fromLaptop = laptop.callAsync("send-message", payload.formatted("laptop"));

        List<JsonNode> acks = List.of(fromPhone.join(), fromLaptop.join());
        assertThat(acks).filteredOn(ack -> ack.path("ok").asBoolean()).hasSize(1);
        assertThat(acks).filteredOn(ack -> errorCode(ack).equals("INVALID_STATE")).hasSize(1);
        assertThat(node.number("SELECT count(*) FROM message WHERE room_id = '" + pair.roomId() + "'")).isEqualTo(1);
    }

    @Test
    void aMessageNeedsTextOrFilesAndAtMostTen() {
        Pair pair = pair();
        SocketClient userSocket = connect(pair.user());
        List<String> eleven = Stream.generate(() -> UUID.randomUUID().toString()).limit(11).toList();

        JsonNode empty = send(userSocket, pair.roomId(), "empty", " ");
        assertThat(errorCode(empty)).isEqualTo("VALIDATION_FAILED");
        assertThat(empty.path("error").path("details").findValuesAsText("field")).containsExactly("text");
        JsonNode tooMany = send(userSocket, pair.roomId(), "many", "x", eleven.toArray(String[]::new));
        assertThat(tooMany.path("error").path("details").findValuesAsText("field")).containsExactly("attachmentIds");
        JsonNode notIds = send(userSocket, pair.roomId(), "bad", null, "not-a-uuid");
        assertThat(notIds.path("error").path("details").findValuesAsText("field")).containsExactly("attachmentIds[0]");
        assertThat(userSocket.call("chat-history", "{\"roomId\":\"" + pair.roomId() + "\"}").path("data")
                .path("messages")).isEmpty();
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
