package com.usdtagent.usecases;

import com.usdtagent.domain.account.UserId;
import com.usdtagent.domain.shared.BusinessException;
import com.usdtagent.domain.shared.ErrorCode;
import com.usdtagent.memory.InMemoryAdapters;

import java.util.List;

/** Reading what the recorders of the in-memory adapters were asked to send, and what a use case refused. */
public final class Signals {

    private Signals() {
    }

    /** The payloads of {@code signal} (a port method's name) that went to the user, in order. */
    public static <T> List<T> sentTo(InMemoryAdapters memory, UserId user, String signal, Class<T> payload) {
        return memory.sentTo(user).stream().filter(sent -> sent.signal().equals(signal))
                .map(sent -> payload.cast(sent.payload())).toList();
    }

    /** The signals that went to the user, by name, in order. */
    public static List<String> namesSentTo(InMemoryAdapters memory, UserId user) {
        return memory.sentTo(user).stream().map(InMemoryAdapters.Sent::signal).toList();
    }

    /** The code the use case refused with; fails when it did not refuse. */
    public static ErrorCode refusal(Runnable useCase) {
        try {
            useCase.run();
        } catch (BusinessException refused) {
            return refused.code();
        }
        throw new AssertionError("the use case was not refused");
    }
}
