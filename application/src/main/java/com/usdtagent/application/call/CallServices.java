package com.usdtagent.application.call;

import com.usdtagent.application.account.UserAccounts;
import com.usdtagent.application.chat.ChatRooms;
import com.usdtagent.application.chat.RealtimePublisher;
import com.usdtagent.application.push.PushOutbox;
import com.usdtagent.application.shared.Transactions;

import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The call use cases, built together because they share their ports and the steps that finish a call.
 *
 * @param random          the source of channel names and uids: a SecureRandom in production
 * @param ringTimeout     how long a call rings before it is missed
 * @param disconnectGrace how long a participant may be without a socket before their call ends
 */
public final class CallServices {

    private final CallSteps steps;
    private final ChatRooms rooms;
    private final VoiceTokenIssuer tokens;
    private final PushOutbox pushOutbox;
    private final RandomGenerator random;
    private final Duration ringTimeout;
    private final Duration disconnectGrace;
    private final RelayCallSignal relayCallSignal;

    public CallServices(CallSessions sessions, UserAccounts accounts, ChatRooms rooms,
                        RealtimePublisher publisher, CallSignals signals, CallMetrics metrics,
                        VoiceTokenIssuer tokens, PushOutbox pushOutbox, Transactions transactions, Clock clock,
                        RandomGenerator random, Duration ringTimeout, Duration disconnectGrace) {
        this.steps = new CallSteps(sessions, accounts, rooms, publisher, signals, metrics, transactions, clock);
        this.rooms = rooms;
        this.tokens = tokens;
        this.pushOutbox = pushOutbox;
        this.random = random;
        this.ringTimeout = ringTimeout;
        this.disconnectGrace = disconnectGrace;
        this.relayCallSignal = new RelayCallSignalService(sessions, signals);
    }

    public StartCall startCall() {
        return new StartCallService(steps, rooms, tokens, pushOutbox, random, ringTimeout);
    }

    public AcceptCall acceptCall() {
        return new AcceptCallService(steps, tokens);
    }

    public RejectCall rejectCall() {
        return new RejectCallService(steps);
    }

    public CancelCall cancelCall() {
        return new CancelCallService(steps);
    }

    public EndCall endCall() {
        return new EndCallService(steps);
    }

    public RenewCallToken renewCallToken() {
        return new RenewCallTokenService(steps.sessions, tokens);
    }

    public RelayCallSignal relayCallSignal() {
        return relayCallSignal;
    }

    public ListCalls listCalls() {
        return new ListCallsService(steps);
    }

    public ExpireCalls expireCalls() {
        return new ExpireCallsService(steps, ringTimeout, disconnectGrace);
    }
}
