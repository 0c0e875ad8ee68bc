package com.usdtagent.persistence;

import com.usdtagent.application.moderation.Report;
import com.usdtagent.application.moderation.Reports;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.MessageId;
import com.usdtagent.domain.chat.RoomId;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.UUID;

/** Reports in {@code user_report}. */
final class JdbiReports implements Reports {

    private static final String INSERT = """
            INSERT INTO user_report (id, reporter_id, reported_id, room_id, message_id, reason, created_at)
            VALUES (:id, :reporter, :reported, :room, :message, :reason, :at)
            """;
    private static final String LATEST = """
            SELECT id, reporter_id, reported_id, room_id, message_id, reason, created_at FROM user_report
            ORDER BY created_at DESC, id LIMIT :limit
            """;

    private final Jdbi jdbi;

    JdbiReports(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(Report report) {
        jdbi.useHandle(handle -> handle.createUpdate(INSERT)
                .bind("id", report.id())
                .bind("reporter", report.reporter().value())
                .bind("reported", report.reported().value())
                .bind("room", report.room() == null ? null : report.room().value())
                .bind("message", report.message() == null ? null : report.message().value())
                .bind("reason", report.reason())
                .bind("at", Timestamps.utc(report.createdAt()))
                .execute());
    }

    @Override
    public List<Report> latest(int limit) {
        return jdbi.withHandle(handle -> handle.createQuery(LATEST).bind("limit", limit)
                .map((row, context) -> {
                    UUID room = row.getObject("room_id", UUID.class);
                    UUID message = row.getObject("message_id", UUID.class);
                    return new Report(row.getObject("id", UUID.class),
                            new UserId(row.getObject("reporter_id", UUID.class)),
                            new UserId(row.getObject("reported_id", UUID.class)),
                            room == null ? null : new RoomId(room), message == null ? null : new MessageId(message),
                            row.getString("reason"), Timestamps.instant(row, "created_at"));
                })
                .list());
    }
}
