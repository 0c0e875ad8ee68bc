package com.usdtagent.loadtest;

import com.usdtagent.push.testing.FakeFcm;

import java.io.IOException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * What a step loads and measures: the server processes, and what they share (each null when not used): the
 * database, Redis, a fake FCM. A pair's user connects to the first process and its agent to the last, so that with
 * two nodes every message crosses Redis.
 */
record UnderLoad(List<ServerProcess> processes, String databaseUrl, Redis redis, FakeFcm fcm) {

    static UnderLoad relay(ServerProcess relay) {
        return new UnderLoad(List.of(relay), null, null, null);
    }

    int userPort() {
        return processes.getFirst().socketPort();
    }

    int agentPort() {
        return processes.getLast().socketPort();
    }

    /** CPU time of every process so far. */
    Duration cpuTime() {
        return processes.stream().map(ServerProcess::cpuTime).reduce(Duration.ZERO, Duration::plus);
    }

    /** Heap in use in every process, in bytes. */
    long heapUsed() throws IOException {
        long used = 0;
        for (ServerProcess process : processes) {
            used += process.heapUsed(false);
        }
        return used;
    }

    /** JIT compilation time of every process so far. */
    Duration jitTime() throws IOException {
        Duration total = Duration.ZERO;
        for (ServerProcess process : processes) {
            total = total.plus(process.jitTime());
        }
        return total;
    }

    /** Pushes queued and not yet sent. */
    long pushBacklog() throws SQLException {
        try (var connection = DriverManager.getConnection(databaseUrl); var statement = connection.createStatement();
             var count = statement.executeQuery("SELECT count(*) FROM push_outbox WHERE status = 'pending'")) {
            count.next();
            return count.getLong(1);
        }
    }
}
