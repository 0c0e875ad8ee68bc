package com.usdtagent.http;

import com.usdtagent.application.attachment.AttachmentStore.Variant;
import com.usdtagent.application.attachment.DownloadAttachment;
import com.usdtagent.domain.attachment.AttachmentId;
import com.usdtagent.domain.attachment.AttachmentKind;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * {@code GET /files/{id}} and {@code GET /files/{id}/thumbnail}: the bytes behind a signed link, without a token.
 * Served as the type the content was found to be, which the browser may not second-guess, with no right to run or
 * load anything, and PDFs as downloads, so that nothing uploaded can act in the web app's origin.
 */
final class FileRoutes {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'";

    private final DownloadAttachment download;

    FileRoutes(DownloadAttachment download) {
        this.download = download;
    }

    void addTo(RoutesConfig routes) {
        routes.get("/files/{id}", ctx -> serve(ctx, Variant.ORIGINAL));
        routes.get("/files/{id}/thumbnail", ctx -> serve(ctx, Variant.THUMBNAIL));
    }

    private void serve(Context ctx, Variant variant) throws IOException {
        // on refusals too
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("Referrer-Policy", "no-referrer");
        String expires = ctx.queryParam("exp");
        var file = download.download(new AttachmentId(Params.pathUuid(ctx, "id")), variant, expires, ctx.queryParam("sig"));
        try (InputStream content = file.content()) {
            ctx.contentType(file.mime());
            ctx.header(Header.CONTENT_LENGTH, Long.toString(file.size()));
            ctx.header("Content-Disposition", disposition(file.attachment().kind(), file.attachment().name()));
            // the link is valid until then; after, the client must ask for a fresh one anyway
            long seconds = Math.max(0, Long.parseLong(expires) - Instant.now().getEpochSecond());
            ctx.header(Header.CACHE_CONTROL, "private, max-age=" + seconds);
            OutputStream body = ctx.res().getOutputStream();
            content.transferTo(body);
            body.flush();
        }
    }

    /** RFC 6266: an ASCII name for old clients, the UTF-8 one percent-encoded for the others. */
    static String disposition(AttachmentKind kind, String name) {
        String type = kind == AttachmentKind.FILE ? "attachment" : "inline";
        var ascii = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? (char) c : '_'));
        // URLEncoder writes form encoding: a space as '+', and '*', which RFC 5987 does not allow bare
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
