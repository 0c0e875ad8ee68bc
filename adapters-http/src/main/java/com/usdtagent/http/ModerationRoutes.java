package com.usdtagent.http;

import com.usdtagent.application.account.BlockUsers;
import com.usdtagent.application.moderation.BanUser;
import com.usdtagent.application.moderation.Report;
import com.usdtagent.application.moderation.ReportUser;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.MessageId;
import com.usdtagent.domain.chat.RoomId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code /api/blocks}, {@code /api/reports}, and an admin's reports, bans and unbans. */
final class ModerationRoutes {

    record BlockRequest(@NotNull String userId) {
    }

    record BlocksView(List<BlockUsers.BlockedUser> blocks) {
    }

    record ReportRequest(@NotNull String userId, String roomId, String messageId, @NotNull String reason) {
    }

    record ReportView(String id, String reporterId, String userId, String roomId, String messageId, String reason,
                      Instant createdAt) {
        static ReportView of(Report report) {
            return new ReportView(report.id().toString(), report.reporter().toString(), report.reported().toString(),
                    report.room() == null ? null : report.room().value().toString(),
                    report.message() == null ? null : report.message().value().toString(),
                    report.reason(), report.createdAt());
        }
    }

    record ReportsView(List<ReportView> reports) {
    }

    record BanRequest(@NotNull String reason) {
    }

    private final BlockUsers blockUsers;
    private final ReportUser reportUser;
    private final BanUser banUser;
    private final RequestBodies requestBodies;

    ModerationRoutes(BlockUsers blockUsers, ReportUser reportUser, BanUser banUser, RequestBodies requestBodies) {
        this.blockUsers = blockUsers;
        this.reportUser = reportUser;
        this.banUser = banUser;
        this.requestBodies = requestBodies;
    }

    void addTo(RoutesConfig routes) {
        routes.post("/api/blocks", this::block);
        routes.get("/api/blocks", this::blocks);
        routes.delete("/api/blocks/{userId}", this::unblock);
        routes.post("/api/reports", this::report);
        routes.get("/api/admin/reports", this::reports);
        routes.post("/api/admin/users/{id}/ban", this::ban);
        routes.post("/api/admin/users/{id}/unban", this::unban);
    }

    private void block(Context ctx) {
        BlockRequest request = requestBodies.read(ctx, BlockRequest.class);
        blockUsers.block(BearerAuthentication.caller(ctx), new UserId(Params.uuid("userId", request.userId())));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void blocks(Context ctx) {
        ctx.json(new BlocksView(blockUsers.list(BearerAuthentication.caller(ctx))));
    }

    private void unblock(Context ctx) {
        blockUsers.unblock(BearerAuthentication.caller(ctx), new UserId(Params.pathUuid(ctx, "userId")));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void report(Context ctx) {
        ReportRequest request = requestBodies.read(ctx, ReportRequest.class);
        Report report = reportUser.report(BearerAuthentication.caller(ctx), new ReportUser.Command(
                new UserId(Params.uuid("userId", request.userId())),
                Optional.ofNullable(request.roomId()).map(id -> new RoomId(Params.uuid("roomId", id))),
                Optional.ofNullable(request.messageId()).map(id -> new MessageId(Params.uuid("messageId", id))),
                request.reason()));
        ctx.status(HttpStatus.CREATED).json(ReportView.of(report));
    }

    private void reports(Context ctx) {
        ctx.json(new ReportsView(reportUser.list(BearerAuthentication.caller(ctx)).stream().map(ReportView::of)
                .toList()));
    }

    private void ban(Context ctx) {
        BanRequest request = requestBodies.read(ctx, BanRequest.class);
        banUser.ban(BearerAuthentication.caller(ctx), new UserId(Params.pathUuid(ctx, "id")), request.reason());
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void unban(Context ctx) {
        banUser.unban(BearerAuthentication.caller(ctx), new UserId(Params.pathUuid(ctx, "id")));
        ctx.status(HttpStatus.NO_CONTENT);
    }
}
