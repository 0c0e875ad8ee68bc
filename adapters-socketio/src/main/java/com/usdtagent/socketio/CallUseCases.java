package com.usdtagent.socketio;

import com.usdtagent.application.call.AcceptCall;
import com.usdtagent.application.call.CancelCall;
import com.usdtagent.application.call.EndCall;
import com.usdtagent.application.call.RejectCall;
import com.usdtagent.application.call.RelayCallSignal;
import com.usdtagent.application.call.RenewCallToken;
import com.usdtagent.application.call.StartCall;

/** The inbound ports behind the call events. */
public record CallUseCases(StartCall startCall, AcceptCall acceptCall, RejectCall rejectCall, CancelCall cancelCall,
                           EndCall endCall, RenewCallToken renewCallToken,
                           RelayCallSignal relayCallSignal) {
}
