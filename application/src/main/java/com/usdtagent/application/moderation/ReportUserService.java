package com.usdtagent.application.moderation;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.account.UserAccounts;
import com.usdtagent.application.chat.ChatRooms;
import com.usdtagent.application.chat.RoomAccess;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

public final class ReportUserService implements ReportUser {

    private final Reports reports;
    private final UserAccounts accounts;
    private final ChatRooms rooms;
    private final Clock clock;

    public ReportUserService(Reports reports, UserAccounts accounts, ChatRooms rooms, Clock clock) {
        this.reports = reports;
        this.accounts = accounts;
        this.rooms = rooms;
        this.clock = clock;
    }

    @Override
    public Report report(AuthenticatedUser reporter, Command command) {
        String reason = command.reason() == null ? "" : command.reason().strip();
        if (reason.length() < Report.MIN_REASON || reason.length() > Report.MAX_REASON) {
            throw BusinessException.invalidField("reason",
                    "must be " + Report.MIN_REASON + ".." + Report.MAX_REASON + " characters");
        }
        if (command.user().equals(reporter.id())) {
            throw BusinessException.invalidField("userId", "must be someone else");
        }
        if (accounts.findById(command.user()).isEmpty()) {
            throw new BusinessException(ErrorCode.NOT_FOUND, "No such user");
        }
        // a room named must be the reporter's own with the reported user, so admins read the conversation it was
        command.room().ifPresent(room -> {
            if (!RoomAccess.memberRoom(rooms, room, reporter.id()).hasMember(command.user())) {
                throw BusinessException.invalidField("roomId", "must be a room of yours with the reported user");
            }
        });
        var report = new Report(UUID.randomUUID(), reporter.id(), command.user(), command.room().orElse(null),
                command.message().orElse(null), reason, clock.instant());
        reports.add(report);
        return report;
    }

    @Override
    public List<Report> list(AuthenticatedUser admin) {
        Moderators.requireAdmin(admin);
        return reports.latest(LIST_LIMIT);
    }
}
