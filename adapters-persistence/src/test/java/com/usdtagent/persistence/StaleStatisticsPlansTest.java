package com.usdtagent.persistence;

import com.usdtagent.persistence.testing.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new deployment's first minute: the driver prepares the statements it runs often, PostgreSQL plans each once
 * for any parameters and keeps that plan, made while the tables were empty, until autovacuum analyzes them, when
 * message already holds thousands of rows. A batch of sends must look its clientMessageIds up by key all the same:
 * a hash join over every message was that plan before, and cost more with every message stored.
 */
class StaleStatisticsPlansTest {

    private static final String ROOMS = """
            INSERT INTO user_account (id, username, phone, password_hash, role, created_at)
            SELECT md5('user' || n)::uuid, 'user' || n, NULL, 'hash', 'user', now() FROM generate_series(0, 999) n;

            INSERT INTO chat_room (id, member_low, member_high, last_seq, created_at, last_activity_at)
            SELECT md5('room' || n)::uuid, LEAST(a, b), GREATEST(a, b), 60, now(), now()
            FROM generate_series(0, 499) n,
                 LATERAL (SELECT md5('user' || 2 * n)::uuid AS a, md5('user' || (2 * n + 1))::uuid AS b) pair
            """;
    // 60 messages in each of the 500 rooms
    private static final String MESSAGES = """
            INSERT INTO message (id, room_id, seq, sender_id, type, text, client_message_id, created_at)
            SELECT lpad(to_hex(row_number() OVER ()), 32, '0')::uuid, id, seq,
                   CASE WHEN seq % 2 = 0 THEN member_low ELSE member_high END, 'text', 'message', 'm' || seq, now()
            FROM chat_room, generate_series(1, last_seq) seq
            """;
    private static final String KEYS = "(ARRAY[md5('user0')::uuid, md5('user1')::uuid], ARRAY['m1', 'm2'])";

    private static PostgresPersistence persistence;
    private static Jdbi jdbi;

    @BeforeAll
    static void openADeployment() {
        var target = TestDatabases.fresh();
        persistence = PostgresPersistence.open(target, new SimpleMeterRegistry());
        jdbi = TestDatabases.jdbi(target);
        jdbi.useHandle(handle -> handle.execute(ROOMS));
    }

    @AfterAll
    static void closeDatabase() {
        persistence.close();
    }

    @Test
    void aBatchOfSendsLooksItsClientMessageIdsUpByKeyInAPlanMadeWhenThereWereNone() {
        String plan = jdbi.withHandle(handle -> {
            handle.execute("SET plan_cache_mode = force_generic_plan");
            handle.execute("PREPARE reused (uuid[], text[]) AS " + JdbiMessages.BY_CLIENT_MESSAGE_IDS
                    .replace(":senders", "$1").replace(":clientMessageIds", "$2"));
            handle.execute("EXECUTE reused " + KEYS);
            handle.execute(MESSAGES);
            return explain(handle, "EXECUTE reused " + KEYS);
        });

        assertThat(plan).contains("message_client_message_id_key").doesNotContain("Seq Scan on message");
    }

    private static String explain(Handle handle, String statement) {
        return String.join("\n", handle.createQuery("EXPLAIN (FORMAT TEXT) " + statement).mapTo(String.class).list());
    }
}
