package com.usdtagent.socketio;

import com.usdtagent.domain.chat.ChatPaging;
import com.usdtagent.domain.chat.Message;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What clients send, one record per event shape, with the domain's limits as Jakarta constraints. */
final class Payloads {

    static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final String NOT_A_UUID = "must be a UUID";
    /** Far beyond any real room, small enough to stay exact in every JSON parser. */
    private static final long MAX_SEQ = 1L << 50;
    /** PostgreSQL text cannot hold NUL; refusing it here keeps it a validation error, not a database failure. */
    private static final String NO_NUL = "[^\\x00]*";
    private static final String HAS_NUL = "must not contain NUL characters";

    private Payloads() {
    }

    /** {@code chat-room-list}: { search?, page?, limit? }. */
    record RoomList(@Size(max = ChatPaging.MAX_SEARCH_LENGTH) @Pattern(regexp = NO_NUL, message = HAS_NUL)
                    String search,
                    @Min(1) @Max(ChatPaging.MAX_PAGE) Integer page,
                    @Min(1) @Max(ChatPaging.MAX_LIMIT) Integer limit) {
        int pageOrFirst() {
            return page == null ? 1 : page;
        }

        int limitOrDefault() {
            return limit == null ? ChatPaging.DEFAULT_ROOM_LIMIT : limit;
        }
    }

    record CreateRoom(@NotNull @Pattern(regexp = UUID, message = NOT_A_UUID) String participantId) {
    }

    record ChatHistory(@NotNull @Pattern(regexp = UUID, message = NOT_A_UUID) String roomId,
                       @Min(1) @Max(MAX_SEQ) Long before, @Min(0) @Max(MAX_SEQ) Long after,
                       @Min(1) @Max(ChatPaging.MAX_LIMIT) Integer limit) {
        int limitOrDefault() {
            return limit == null ? ChatPaging.DEFAULT_HISTORY_LIMIT : limit;
        }
    }

    /** {@code chatHistoryReload} and {@code leave-room}. */
    record RoomRef(@NotNull @Pattern(regexp = UUID, message = NOT_A_UUID) String roomId) {
    }

    record SendMessage(@NotNull @Pattern(regexp = UUID, message = NOT_A_UUID) String roomId,
                       @NotNull @Size(min = 1, max = Message.MAX_CLIENT_MESSAGE_ID_LENGTH)
                       @Pattern(regexp = NO_NUL, message = HAS_NUL) String clientMessageId,
                       @NotBlank @Size(max = Message.MAX_TEXT_LENGTH)
                       @Pattern(regexp = NO_NUL, message = HAS_NUL) String text) {
    }

    record Receipt(@NotNull @Pattern(regexp = UUID, message = NOT_A_UUID) String roomId,
                   @NotNull @Min(0) @Max(MAX_SEQ) Long seq,
                   @NotNull @Pattern(regexp = "delivered|read", message = "must be delivered or read") String status) {
    }

    record Typing(@NotNull @Pattern(regexp = UUID, message = NOT_A_UUID) String roomId, @NotNull Boolean typing) {
    }

    /** {@code call-accept}, {@code call-reject}, {@code call-cancel}, {@code call-end} and {@code call-token-renew}. */
    record CallRef(@NotNull @Pattern(regexp = UUID, message = NOT_A_UUID) String callId) {
    }
}
