package com.usdtagent.application.call;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.call.CallId;

import java.util.Objects;

/**
 * One WebRTC signalling message from a participant of a call to the other: an SDP offer or answer, or one ICE
 * candidate. Relayed as it comes and never stored.
 */
public record CallSignal(CallId callId, UserId from, Content content) {

    /** The longest SDP accepted: a voice offer is a few kilobytes, so this leaves room without inviting abuse. */
    public static final int MAX_SDP_LENGTH = 20_000;
    /** The longest ICE candidate line accepted. */
    public static final int MAX_CANDIDATE_LENGTH = 1_000;
    /** The longest media id accepted; browsers use "0", "1" or "audio". */
    public static final int MAX_SDP_MID_LENGTH = 256;
    /** The highest m-line index accepted: far beyond the one or two lines of a voice call. */
    public static final int MAX_SDP_M_LINE_INDEX = 65_535;

    public CallSignal {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(content, "content");
    }

    /** What a signal carries: exactly one of a description and a candidate. */
    public sealed interface Content permits Description, Candidate {
    }

    /** @param type {@code offer} or {@code answer} */
    public record Description(String type, String sdp) implements Content {
        public Description {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(sdp, "sdp");
        }
    }

    /** @param sdpMid and {@code sdpMLineIndex} may be null, as in the browser's RTCIceCandidateInit */
    public record Candidate(String candidate, String sdpMid, Integer sdpMLineIndex) implements Content {
        public Candidate {
            Objects.requireNonNull(candidate, "candidate");
        }
    }
}
