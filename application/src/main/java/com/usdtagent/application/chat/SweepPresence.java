package com.usdtagent.application.chat;

/** Run every few seconds on every node: keeps this node marked alive and takes offline the users of dead nodes. */
public interface SweepPresence {

    void sweep();
}
