package com.usdtagent.memory;

import com.usdtagent.application.account.SessionSignals;
import com.usdtagent.application.call.CallSignal;
import com.usdtagent.application.call.CallSignals;
import com.usdtagent.application.call.CallView;
import com.usdtagent.application.chat.MessageView;
import com.usdtagent.application.chat.PresenceChange;
import com.usdtagent.application.chat.RealtimePublisher;
import com.usdtagent.application.chat.RoomPage;
import com.usdtagent.application.chat.RoomSummary;
import com.usdtagent.application.chat.SocketId;
import com.usdtagent.application.chat.StatusChange;
import com.usdtagent.application.chat.TypingNotice;
import com.usdtagent.application.chain.WalletSignals;
import com.usdtagent.application.ledger.WalletBalance;
import com.usdtagent.application.trade.OrderSignals;
import com.usdtagent.application.trade.OrderView;
import com.usdtagent.domain.account.SessionId;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.call.CallId;
import com.usdtagent.memory.InMemoryAdapters.Sent;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every nudge the use cases send to live sockets, in the order sent, named by the port method that sent it. */
final class RecordingSignals implements RealtimePublisher, CallSignals, OrderSignals, WalletSignals,
        SessionSignals {

    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    void clear() {
        sent.clear();
    }

    private void toUser(String signal, UserId user, Object payload) {
        sent.add(new Sent(signal, user, null, null, payload));
    }

    @Override
    public void roomList(SocketId to, RoomPage page) {
        sent.add(new Sent("roomList", null, to, null, page));
    }

    @Override
    public void newMessage(UserId to, MessageView message) {
        toUser("newMessage", to, message);
    }

    @Override
    public void roomUpdated(UserId to, RoomSummary room) {
        toUser("roomUpdated", to, room);
    }

    @Override
    public void messageStatus(UserId to, StatusChange change) {
        toUser("messageStatus", to, change);
    }

    @Override
    public void presence(UserId to, PresenceChange change) {
        toUser("presence", to, change);
    }

    @Override
    public void typing(UserId to, TypingNotice notice) {
        toUser("typing", to, notice);
    }

    @Override
    public void incoming(UserId to, CallView call) {
        toUser("incoming", to, call);
    }

    @Override
    public void accepted(UserId to, CallView call) {
        toUser("accepted", to, call);
    }

    @Override
    public void answeredElsewhere(UserId callee, SocketId answering, CallId call) {
        sent.add(new Sent("answeredElsewhere", callee, null, answering, call));
    }

    @Override
    public void finished(UserId to, CallView call) {
        toUser("finished", to, call);
    }

    @Override
    public void finishedElsewhere(UserId actor, SocketId acting, CallView call) {
        sent.add(new Sent("finishedElsewhere", actor, null, acting, call));
    }

    @Override
    public void signal(UserId to, CallSignal signal) {
        toUser("signal", to, signal);
    }

    @Override
    public void signal(SocketId to, CallSignal signal) {
        sent.add(new Sent("signal", null, to, null, signal));
    }

    @Override
    public void orderUpdated(UserId to, OrderView order) {
        toUser("orderUpdated", to, order);
    }

    @Override
    public void walletUpdated(UserId to, WalletBalance balance) {
        toUser("walletUpdated", to, balance);
    }

    /** One {@code revoked} per session, with the session id as its payload. */
    @Override
    public void revoked(Collection<SessionId> sessions) {
        sessions.forEach(session -> sent.add(new Sent("revoked", null, null, null, session)));
    }
}
