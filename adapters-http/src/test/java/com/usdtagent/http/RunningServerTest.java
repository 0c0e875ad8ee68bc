package com.usdtagent.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** For test classes that share one running {@link TestServer}, started before their first test and stopped after the last. */
abstract class RunningServerTest {

    static TestServer server;

    @BeforeAll
    static void startServer() {
        server = new TestServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }
}
