package com.usdtagent.application.call;

/**
 * Run every second on every node: calls that rang too long become missed, calls whose participant has been gone
 * too long end. Driven by the stored calls alone, so it survives restarts and each call is closed once.
 */
public interface ExpireCalls {

    void expire();
}
