package com.usdtagent.application.call;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.chat.ChatRooms;
import com.usdtagent.application.chat.RoomAccess;
import com.usdtagent.application.push.PushNotification;
import com.usdtagent.application.push.PushOutbox;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.call.CallSession;
import com.usdtagent.domain.chat.ChatRoom;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

import java.time.Duration;
import java.util.random.RandomGenerator;

final class StartCallService implements StartCall {

    private final CallSteps steps;
    private final ChatRooms rooms;
    private final VoiceTokenIssuer tokens;
    private final PushOutbox pushOutbox;
    private final RandomGenerator random;
    private final Duration ringTimeout;

    StartCallService(CallSteps steps, ChatRooms rooms, VoiceTokenIssuer tokens, PushOutbox pushOutbox,
                     RandomGenerator random, Duration ringTimeout) {
        this.steps = steps;
        this.rooms = rooms;
        this.tokens = tokens;
        this.pushOutbox = pushOutbox;
        this.random = random;
        this.ringTimeout = ringTimeout;
    }

    @Override
    public JoinedCall start(AuthenticatedUser caller, RoomId roomId) {
        ChatRoom room = RoomAccess.memberRoom(rooms, roomId, caller.id());
        UserId callee = room.opponentOf(caller.id());
        CallSession call = CallSession.ring(room.id(), caller.id(), callee, steps.clock.instant(), random);
        // first, so that a server that cannot issue tokens refuses before anything rings
        RtcAccess rtc = tokens.issue(call, caller.id());
        CallView view = steps.transactions.inTransaction(() -> {
            steps.sessions.lockParticipants(caller.id(), callee);
            if (steps.sessions.anyInActiveCall(caller.id(), callee)) {
                throw new BusinessException(ErrorCode.BUSY, "You or the other member are already in a call");
            }
            steps.sessions.add(call);
            CallView ringing = steps.view(call);
            pushOutbox.enqueue(new PushNotification.IncomingCall(callee, call.id().toString(), room.id(),
                    ringing.caller().username().value(), ringTimeout));
            return ringing;
        });
        steps.metrics.started();
        steps.afterCommit(view, () -> steps.signals.incoming(callee, view));
        return new JoinedCall(view, rtc);
    }
}
