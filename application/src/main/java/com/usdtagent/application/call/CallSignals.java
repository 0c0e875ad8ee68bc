package com.usdtagent.application.call;

import com.usdtagent.application.chat.SocketId;
import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.call.CallId;

/** Call nudges to live sockets: each reaches every connected device of the user, on every node. Sent after commit. */
public interface CallSignals {

    /** {@code incoming-call}. */
    void incoming(UserId to, CallView call);

    /** {@code call-accepted}. */
    void accepted(UserId to, CallView call);

    /** {@code call-answered-elsewhere} to every socket of the callee but the one that answered. */
    void answeredElsewhere(UserId callee, SocketId answering, CallId call);

    /** The call is over, told by its status: {@code call-rejected}, {@code call-cancelled}, {@code call-missed} or {@code call-ended}. */
    void finished(UserId to, CallView call);

    /** As {@link #finished}, to the other sockets of the participant whose socket {@code acting} finished the call. */
    void finishedElsewhere(UserId actor, SocketId acting, CallView call);

    /** {@code call-signal} to every socket of the user. */
    void signal(UserId to, CallSignal signal);

    /** {@code call-signal} to this one socket, on whichever node it is connected. */
    void signal(SocketId to, CallSignal signal);
}
