package com.usdtagent.application.moderation;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.chat.MessageId;
import com.usdtagent.domain.chat.RoomId;

import java.util.List;
import java.util.Optional;

/**
 * {@code POST /api/reports} by anyone, {@code GET /api/admin/reports} by admins. A room named in a report must be the
 * reporter's with the reported user; a message id is kept as given, for the admins to look up.
 */
public interface ReportUser {

    int LIST_LIMIT = 200;

    Report report(AuthenticatedUser reporter, Command command);

    /** The newest {@link #LIST_LIMIT} reports; refused unless the caller is an admin. */
    List<Report> list(AuthenticatedUser admin);

    record Command(UserId user, Optional<RoomId> room, Optional<MessageId> message, String reason) {
    }
}
