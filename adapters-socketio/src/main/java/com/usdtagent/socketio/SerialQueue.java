package com.usdtagent.socketio;

import com.usdtagent.application.shared.FailureLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Runs one socket's events one after another, in arrival order, on the shared worker executor, so that
 * JDBC never runs on a Netty event loop and a socket's events never overtake each other. A queue holds what it is
 * given until it is opened: a session's first work waits for netty-socketio's answer to its CONNECT.
 */
final class SerialQueue {

    private static final Logger log = LoggerFactory.getLogger(SerialQueue.class);

    private final Executor workers;
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private CompletableFuture<Void> tail = opened;

    SerialQueue(Executor workers) {
        this.workers = workers;
    }

    /** Lets the queued tasks run, and every later one as it comes; opening an open queue changes nothing. */
    void open() {
        opened.complete(null);
    }

    synchronized void submit(Runnable task) {
        tail = tail.thenRunAsync(() -> {
            try {
                task.run();
            } catch (RuntimeException | Error failure) {
                log.error("socket task failed: {}", FailureLog.describe(failure));
            }
        }, workers);
    }
}
