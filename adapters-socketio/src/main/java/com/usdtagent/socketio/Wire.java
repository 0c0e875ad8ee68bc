package com.usdtagent.socketio;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.usdtagent.application.attachment.AttachmentJson;
import com.usdtagent.application.attachment.AttachmentLinks;
import com.usdtagent.application.call.CallJson;
import com.usdtagent.application.call.CallSignal;
import com.usdtagent.application.call.CallView;
import com.usdtagent.application.call.RtcAccess;
import com.usdtagent.application.chat.Contact;
import com.usdtagent.application.chat.MessageJson;
import com.usdtagent.application.chat.PresenceChange;
import com.usdtagent.application.chat.RoomPage;
import com.usdtagent.application.chat.RoomSummary;
import com.usdtagent.application.chat.StatusChange;
import com.usdtagent.application.chat.TypingNotice;
import com.usdtagent.application.trade.OrderJson;
import com.usdtagent.application.trade.OrderView;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The payload shapes of the socket protocol (docs/socket-protocol.md), made from the application's views. A
 * {@code Message}, a history page, a {@code Call} and an {@code Order} are the application's {@link MessageJson},
 * {@link com.usdtagent.application.chat.HistoryJson}, {@link CallJson} and {@link OrderJson}, which the HTTP API sends
 * too.
 */
final class Wire {

    private Wire() {
    }

    record ContactJson(String id, String username, String role, boolean online, Instant lastSeenAt) {
        static ContactJson of(Contact contact) {
            return new ContactJson(contact.id().toString(), contact.username().value(), contact.role().wireName(),
                    contact.online(), contact.lastSeenAt());
        }
    }

    record RoomJson(String roomId, ContactJson opponent, MessageJson lastMessage, long unreadCount, Instant updatedAt) {
        static RoomJson of(RoomSummary room, AttachmentLinks links) {
            return new RoomJson(room.roomId().toString(), ContactJson.of(room.opponent()),
                    room.lastMessage() == null ? null : MessageJson.of(room.lastMessage(), links), room.unreadCount(),
                    room.updatedAt());
        }
    }

    record RoomPageJson(List<RoomJson> rooms, int page, int limit, long total, boolean hasMore) {
        static RoomPageJson of(RoomPage page, AttachmentLinks links) {
            return new RoomPageJson(page.rooms().stream().map(room -> RoomJson.of(room, links)).toList(), page.page(),
                    page.limit(), page.total(), page.hasMore());
        }
    }

    record OneRoom(RoomJson room) {
    }

    record OneMessage(MessageJson message) {
    }

    record StatusJson(String roomId, String userId, String status, long upToSeq, Instant at) {
        static StatusJson of(StatusChange change) {
            return new StatusJson(change.roomId().toString(), change.userId().toString(), lower(change.status()),
                    change.upToSeq(), change.at());
        }
    }

    record PresenceJson(String userId, boolean online, Instant lastSeenAt) {
        static PresenceJson of(PresenceChange change) {
            return new PresenceJson(change.userId().toString(), change.online(), change.lastSeenAt());
        }
    }

    record TypingJson(String roomId, String userId, boolean typing) {
        static TypingJson of(TypingNotice notice) {
            return new TypingJson(notice.roomId().toString(), notice.userId().toString(), notice.typing());
        }
    }

    /** The contract's {@code Rtc}: its fields depend on the provider. */
    sealed interface RtcJson {
        static RtcJson of(RtcAccess rtc) {
            return switch (rtc) {
                case RtcAccess.Agora agora -> new AgoraJson(agora.provider(), agora.appId(), agora.channelName(),
                        agora.uid(), agora.token(), agora.expiresAt());
                case RtcAccess.WebRtc webRtc -> new WebRtcJson(webRtc.provider(),
                        webRtc.iceServers().stream().map(IceServerJson::of).toList(),
                        webRtc.relayOnly() ? "relay" : "all", webRtc.expiresAt());
            };
        }
    }

    /** @param token null in Agora's testing mode */
    record AgoraJson(String provider, String appId, String channelName, long uid, String token, Instant expiresAt)
            implements RtcJson {
    }

    record WebRtcJson(String provider, List<IceServerJson> iceServers, String iceTransportPolicy, Instant expiresAt)
            implements RtcJson {
    }

    /** An RTCIceServer as the browser takes it: a STUN server has no username or credential at all. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record IceServerJson(List<String> urls, String username, String credential) {
        static IceServerJson of(RtcAccess.IceServer server) {
            return new IceServerJson(server.urls(), server.username(), server.credential());
        }
    }

    /** {@code call-signal} to the other participant: exactly one of description and candidate. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SignalJson(String callId, String from, DescriptionJson description, CandidateJson candidate) {
        static SignalJson of(CallSignal signal) {
            String callId = signal.callId().toString();
            String from = signal.from().toString();
            return switch (signal.content()) {
                case CallSignal.Description d ->
                        new SignalJson(callId, from, new DescriptionJson(d.type(), d.sdp()), null);
                case CallSignal.Candidate c -> new SignalJson(callId, from, null,
                        new CandidateJson(c.candidate(), c.sdpMid(), c.sdpMLineIndex()));
            };
        }
    }

    record DescriptionJson(String type, String sdp) {
    }

    /** As the browser's RTCIceCandidateInit: absent fields are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CandidateJson(String candidate, String sdpMid, Integer sdpMLineIndex) {
    }

    record OneCall(CallJson call) {
        static OneCall of(CallView view) {
            return new OneCall(CallJson.of(view));
        }
    }

    record JoinedCallJson(CallJson call, RtcJson rtc) {
    }

    record OneRtc(RtcJson rtc) {
    }

    record CallRef(String callId) {
    }

    /** {@code order-updated}: the order exactly as {@code GET /api/orders/{id}} returns it. */
    record OneOrder(OrderJson order) {
        static OneOrder of(OrderView view, AttachmentLinks links) {
            return new OneOrder(OrderJson.of(view, links));
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
