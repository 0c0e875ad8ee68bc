package com.usdtagent.application.call;

import com.usdtagent.application.account.Blocks;
import com.usdtagent.application.account.UserAccounts;
import com.usdtagent.application.chat.ChatRooms;
import com.usdtagent.application.chat.RoomPosts;
import com.usdtagent.application.push.PushOutbox;
import com.usdtagent.application.shared.Transactions;

import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The call use cases, each built once, together because they share their ports and the steps that finish a call.
 *
 * @param random          the source of channel names and uids: a SecureRandom in production
 * @param ringTimeout     how long a call rings before it is missed
 * @param disconnectGrace how long a participant may be without a socket before their call ends
 */
public final class CallServices {

    private final StartCall startCall;
    private final AcceptCall acceptCall;
    private final RejectCall rejectCall;
    private final CancelCall cancelCall;
    private final EndCall endCall;
    private final RenewCallToken renewCallToken;
    private final RelayCallSignal relayCallSignal;
    private final ListCalls listCalls;
    private final ExpireCalls expireCalls;

    public CallServices(CallSessions sessions, UserAccounts accounts, ChatRooms rooms, RoomPosts posts,
                        CallSignals signals, CallMetrics metrics, VoiceTokenIssuer tokens, PushOutbox pushOutbox,
                        Transactions transactions, Clock clock, RandomGenerator random, Duration ringTimeout,
                        Duration disconnectGrace, Blocks blocks) {
        var steps = new CallSteps(sessions, accounts, posts, signals, metrics, transactions, clock);
        this.startCall = new StartCallService(steps, sessions, rooms, tokens, pushOutbox, transactions, clock, random,
                ringTimeout, blocks);
        this.acceptCall = new AcceptCallService(steps, sessions, tokens, transactions, clock);
        this.rejectCall = new RejectCallService(steps);
        this.cancelCall = new CancelCallService(steps);
        this.endCall = new EndCallService(steps);
        this.renewCallToken = new RenewCallTokenService(sessions, tokens);
        this.relayCallSignal = new RelayCallSignalService(sessions, signals);
        this.listCalls = new ListCallsService(steps, sessions);
        this.expireCalls = new ExpireCallsService(steps, sessions, transactions, clock, ringTimeout, disconnectGrace);
    }

    public StartCall startCall() {
        return startCall;
    }

    public AcceptCall acceptCall() {
        return acceptCall;
    }

    public RejectCall rejectCall() {
        return rejectCall;
    }

    public CancelCall cancelCall() {
        return cancelCall;
    }

    public EndCall endCall() {
        return endCall;
    }

    public RenewCallToken renewCallToken() {
        return renewCallToken;
    }

    public RelayCallSignal relayCallSignal() {
        return relayCallSignal;
    }

    public ListCalls listCalls() {
        return listCalls;
    }

    public ExpireCalls expireCalls() {
        return expireCalls;
    }
}
