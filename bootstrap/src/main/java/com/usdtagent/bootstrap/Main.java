package com.usdtagent.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts one node from the environment; SIGTERM (or Ctrl-C) stops it cleanly. */
public final class Main {

    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = Settings.fromEnvironment(System.getenv());
        } catch (InvalidSettingException invalid) {
            System.err.println("Cannot start: " + invalid.getMessage());
            System.exit(2);
            return;
        }
        ServiceNode node;
        try {
            node = ServiceNode.start(settings);
        } catch (RuntimeException failure) {
            // one line, as for a bad setting: a port taken or a database unreachable needs no stack trace
            log.error("Cannot start: {}", failure.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping");
            node.close();
            log.info("stopped");
        }, "shutdown"));
        log.info("started: HTTP on {}, Socket.IO on {}", node.httpPort(), node.socketPort());
    }
}
