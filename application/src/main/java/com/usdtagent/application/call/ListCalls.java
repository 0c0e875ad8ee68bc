package com.usdtagent.application.call;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.domain.call.CallId;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.shared.BusinessException;

import java.util.Optional;

/** The caller's call history, newest first. */
public interface ListCalls {

    int DEFAULT_LIMIT = 20;
    int MAX_LIMIT = 100;

    CallPage list(AuthenticatedUser participant, Query query);

    /**
     * @param room   only the calls of this room
     * @param before only the calls that started before this call (the last one of the previous page)
     */
    record Query(Optional<RoomId> room, Optional<CallId> before, int limit) {
        public Query {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw BusinessException.invalidField("limit", "must be from 1 to " + MAX_LIMIT);
            }
        }
    }
}
