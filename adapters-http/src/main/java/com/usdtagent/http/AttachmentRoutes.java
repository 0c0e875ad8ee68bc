package com.usdtagent.http;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.attachment.AttachmentLinks;
import com.usdtagent.application.attachment.AttachmentJson;
import com.usdtagent.application.attachment.OpenAttachment;
import com.usdtagent.application.attachment.UploadAttachment;
import com.usdtagent.domain.attachment.AttachmentId;
import com.usdtagent.domain.chat.RoomId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;

/** {@code POST /api/rooms/{roomId}/attachments} and {@code GET /api/attachments/{id}}. */
final class AttachmentRoutes {

    record OneAttachment(AttachmentJson attachment) {
    }

    private final UploadAttachment upload;
    private final OpenAttachment open;
    private final AttachmentLinks links;

    AttachmentRoutes(UploadAttachment upload, OpenAttachment open, AttachmentLinks links) {
        this.upload = upload;
        this.open = open;
        this.links = links;
    }

    void addTo(RoutesConfig routes) {
        routes.post("/api/rooms/{roomId}/attachments", this::upload);
        routes.get("/api/attachments/{id}", this::redirect);
    }

    private void upload(Context ctx) {
        AuthenticatedUser caller = BearerAuthentication.caller(ctx);
        RoomId room = new RoomId(Params.pathUuid(ctx, "roomId"));
        // every refusal that needs no bytes comes before the body is read
        Uploads.requireDeclaredLengthWithin(ctx, upload.maxBytes());
        upload.admit(caller, room);
        try (Uploads.Upload spooled = Uploads.spool(ctx, upload.maxBytes())) {
            var stored = upload.upload(caller, new UploadAttachment.Command(room, spooled.name(), spooled));
            ctx.status(HttpStatus.CREATED).json(new OneAttachment(links.linked(stored)));
        }
    }

    private void redirect(Context ctx) {
        String link = open.open(BearerAuthentication.caller(ctx), new AttachmentId(Params.pathUuid(ctx, "id")));
        // the link expires: a cached redirect would lead to a dead one
        ctx.header(Header.CACHE_CONTROL, "no-store");
        ctx.redirect(link, HttpStatus.FOUND);
    }
}
