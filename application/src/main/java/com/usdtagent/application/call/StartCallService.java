package com.usdtagent.application.call;

import com.usdtagent.application.account.AuthenticatedUser;
import com.usdtagent.application.account.Blocks;
import com.usdtagent.application.chat.ChatRooms;
import com.usdtagent.application.chat.RoomAccess;
import com.usdtagent.application.push.PushNotification;
import com.usdtagent.application.push.PushOutbox;
import com.usdtagent.application.shared.Transactions;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.call.CallSession;
import com.usdtagent.domain.chat.ChatRoom;
import com.usdtagent.domain.chat.RoomId;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;

import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;

final class StartCallService implements StartCall {

    private final CallSteps steps;
    private final CallSessions sessions;
    private final ChatRooms rooms;
    private final VoiceTokenIssuer tokens;
    private final PushOutbox pushOutbox;
    private final Transactions transactions;
    private final Clock clock;
    private final RandomGenerator random;
    private final Duration ringTimeout;
    private final Blocks blocks;

    StartCallService(CallSteps steps, CallSessions sessions, ChatRooms rooms, VoiceTokenIssuer tokens,
                     PushOutbox pushOutbox, Transactions transactions, Clock clock, RandomGenerator random,
                     Duration ringTimeout, Blocks blocks) {
        this.steps = steps;
        this.sessions = sessions;
        this.rooms = rooms;
        this.tokens = tokens;
        this.pushOutbox = pushOutbox;
        this.transactions = transactions;
        this.clock = clock;
        this.random = random;
        this.ringTimeout = ringTimeout;
        this.blocks = blocks;
    }

    @Override
    public JoinedCall start(AuthenticatedUser caller, RoomId roomId) {
        ChatRoom room = RoomAccess.memberRoom(rooms, roomId, caller.id());
        UserId callee = room.opponentOf(caller.id());
        blocks.refuseIfBlocked(caller.id(), callee);
        CallSession call = CallSession.ring(room.id(), caller.id(), callee, clock.instant(), random);
        // first, so that a server that cannot issue tokens refuses before anything rings
        RtcAccess rtc = tokens.issue(call, caller.id());
        CallView view = transactions.inTransaction(() -> {
            sessions.lockParticipants(caller.id(), callee);
            if (sessions.anyInActiveCall(caller.id(), callee)) {
                throw new BusinessException(ErrorCode.BUSY, "You or the other member are already in a call");
            }
            sessions.add(call);
            CallView ringing = steps.view(call);
            pushOutbox.enqueue(new PushNotification.IncomingCall(callee, call.id().toString(), room.id(),
                    ringing.caller().username().value(), ringTimeout));
            return ringing;
        });
        steps.rang(view);
        return new JoinedCall(view, rtc);
    }
}
