package com.usdtagent.socketio;

import com.usdtagent.application.call.CallSignal;
import com.usdtagent.domain.attachment.Attachment;
import com.usdtagent.domain.chat.ChatPaging;
import com.usdtagent.domain.chat.Message;
import com.usdtagent.domain.shared.BusinessException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** What clients send, one record per event shape, with the domain's limits as Jakarta constraints. */
final class Payloads {

    static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final String NOT_A_UUID = "must be a UUID";
    /** Far beyond any real room, small enough to stay exact in every JSON parser. */
    private static final long MAX_SEQ = 1L << 50;
    /** PostgreSQL text cannot hold NUL; refusing it here keeps it a validation error, not a database failure. */
    private static final String NO_NUL = "[^\\x00]*";
    private static final String HAS_NUL = "must not contain NUL characters";
    /** SDP is lines of text: no control characters but tab and the line ends. */
    private static final String SDP_TEXT = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";
    /** A candidate line or media id: text without any control character. */
    private static final String ONE_LINE = "[^\\x00-\\x1F\\x7F]*";
    private static final String NOT_SDP = "must be SDP text";

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

    /** {@code text} may be empty or left out when the message sends attachments. */
    record SendMessage(@NotNull @Pattern(regexp = UUID, message = NOT_A_UUID) String roomId,
                       @NotNull @Size(min = 1, max = Message.MAX_CLIENT_MESSAGE_ID_LENGTH)
                       @Pattern(regexp = NO_NUL, message = HAS_NUL) String clientMessageId,
                       @Size(max = Message.MAX_TEXT_LENGTH) @Pattern(regexp = NO_NUL, message = HAS_NUL) String text,
                       @Size(max = Attachment.MAX_PER_MESSAGE)
                       List<@NotNull @Pattern(regexp = UUID, message = NOT_A_UUID) String> attachmentIds) {

        /** Reported on the field {@code text}: Jakarta Validation names a boolean {@code isX()} property {@code x}. */
        @AssertTrue(message = "must not be blank unless the message has attachments")
        boolean isText() {
            return text != null && !text.isBlank() || attachmentIds != null && !attachmentIds.isEmpty();
        }

        List<String> attachmentIdsOrNone() {
            return attachmentIds == null ? List.of() : attachmentIds;
        }
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

    /** {@code call-signal}: exactly one of a description and a candidate, checked by {@link #content()}. */
    record Signal(@NotNull @Pattern(regexp = UUID, message = NOT_A_UUID) String callId,
                  @Valid Description description, @Valid Candidate candidate) {

        record Description(
                @NotNull @Pattern(regexp = "offer|answer", message = "must be offer or answer") String type,
                @NotNull @Size(max = CallSignal.MAX_SDP_LENGTH) @Pattern(regexp = SDP_TEXT, message = NOT_SDP)
                String sdp) {
        }

        record Candidate(
                @NotNull @Size(max = CallSignal.MAX_CANDIDATE_LENGTH) @Pattern(regexp = ONE_LINE, message = NOT_SDP)
                String candidate,
                @Size(max = CallSignal.MAX_SDP_MID_LENGTH) @Pattern(regexp = ONE_LINE, message = NOT_SDP)
                String sdpMid,
                @Min(0) @Max(CallSignal.MAX_SDP_M_LINE_INDEX) Integer sdpMLineIndex) {
        }

        CallSignal.Content content() {
            if ((description == null) == (candidate == null)) {
                throw BusinessException.invalidField(description == null ? "description" : "candidate",
                        "exactly one of description and candidate is required");
            }
            return description != null ? new CallSignal.Description(description.type(), description.sdp())
                    : new CallSignal.Candidate(candidate.candidate(), candidate.sdpMid(), candidate.sdpMLineIndex());
        }
    }
}
