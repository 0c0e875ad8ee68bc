package com.usdtagent.application.call;

/** A call and the access of the participant who started or accepted it. */
public record JoinedCall(CallView call, RtcAccess rtc) {
}
