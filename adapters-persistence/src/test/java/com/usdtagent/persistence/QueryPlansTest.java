package com.usdtagent.persistence;

import com.usdtagent.persistence.testing.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plans PostgreSQL makes for the hot reads, the room list, the history pages, the call and payment timers'
 * claims, an agent's own offers, and the deposit follower's and withdrawal sender's reads, over a realistic volume:
 * they must read ranges of indexes, never scan the tables that grow with every room, message, call, offer, deposit
 * and withdrawal.
 * docs/query-plans.md shows the plans.
 */
class QueryPlansTest {

    // Users 0..1999 each share a room with the 10 after them around a ring (20 rooms each); 5 messages a room,
    // and 5,000 in the busy room of users 0 and 1; 500 users online on one node. An agent has a room with each of
    // 3,000 users more.
    private static final String VOLUME = """
            INSERT INTO user_account (id, username, phone, password_hash, role, created_at)
            SELECT md5('user' || n)::uuid, 'user' || n, NULL, 'hash', 'user', now()
            FROM generate_series(0, 4999) n;
            INSERT INTO user_account (id, username, phone, password_hash, role, created_at)
            VALUES (md5('agent')::uuid, 'agent', NULL, 'hash', 'agent', now());

            INSERT INTO chat_room (id, member_low, member_high, last_seq, created_at, last_activity_at)
            SELECT md5('room' || n || '/' || k)::uuid, LEAST(a, b), GREATEST(a, b),
                   CASE WHEN n = 0 AND k = 1 THEN 5000 ELSE 5 END,
                   now() - interval '30 days', now() - random() * interval '30 days'
            FROM generate_series(0, 1999) n, generate_series(1, 10) k,
                 LATERAL (SELECT md5('user' || n)::uuid AS a, md5('user' || (n + k) % 2000)::uuid AS b) pair;
            INSERT INTO chat_room (id, member_low, member_high, last_seq, created_at, last_activity_at)
            SELECT md5('agent room' || n)::uuid, LEAST(a, b), GREATEST(a, b), 5,
                   now() - interval '30 days', now() - random() * interval '30 days'
            FROM generate_series(2000, 4999) n,
                 LATERAL (SELECT md5('agent')::uuid AS a, md5('user' || n)::uuid AS b) pair;

            INSERT INTO room_member (room_id, user_id, delivered_seq, read_seq, last_activity_at)
            SELECT id, member, last_seq, last_seq - 2, last_activity_at
            FROM chat_room, LATERAL (VALUES (member_low), (member_high)) m(member);

            -- ids counted up: random ones are slow to make on some machines
            INSERT INTO message (id, room_id, seq, sender_id, type, text, created_at)
            SELECT lpad(to_hex(row_number() OVER ()), 32, '0')::uuid, id, seq,
                   CASE WHEN seq % 2 = 0 THEN member_low ELSE member_high END, 'text', 'message ' || seq, created_at
            FROM chat_room, generate_series(1, last_seq) seq;

            INSERT INTO server_node (id, heartbeat_at) VALUES (md5('node')::uuid, now());
            INSERT INTO socket_connection (socket_id, user_id, node_id, connected_at)
            SELECT md5('socket' || n)::uuid, md5('user' || n)::uuid, md5('node')::uuid, now()
            FROM generate_series(0, 1999, 4) n;

            -- two finished calls a room; only the busy room has one still ringing
            INSERT INTO call_session (id, room_id, caller_id, callee_id, status, channel_name, caller_uid, callee_uid,
                                      started_at, answered_at, ended_at)
            SELECT md5('call' || id || k)::uuid, id, member_low, member_high,
                   CASE WHEN k = 1 AND last_seq = 5000 THEN 'ringing' ELSE 'ended' END, md5('channel' || id || k), 1, 2,
                   now() - k * interval '1 hour', now() - k * interval '1 hour', now() - k * interval '50 minutes'
            FROM chat_room, generate_series(1, 2) k;

            -- one offer, and two orders a room: finished, or in one room out of eight under appeal; only the busy room
            -- has one still waiting for payment
            INSERT INTO offer (id, agent_id, side, fiat_currency, price, min_usdt, max_usdt, payment_methods,
                               payment_window_minutes, terms, status, created_at)
            VALUES (md5('offer')::uuid, md5('user0')::uuid, 'SELL', 'USD', 1.01, 1, 1000, '{bank}', 15, '', 'ACTIVE', now());
            -- and ten more of every user's, some of them paused, as agents keep them
            INSERT INTO offer (id, agent_id, side, fiat_currency, price, min_usdt, max_usdt, payment_methods,
                               payment_window_minutes, terms, status, created_at)
            SELECT md5('offer' || n || '/' || k)::uuid, md5('user' || n)::uuid, 'SELL', 'USD', 1.01, 1, 1000, '{bank}',
                   15, '', CASE WHEN k % 3 = 0 THEN 'PAUSED' ELSE 'ACTIVE' END, now() - k * interval '1 day'
            FROM generate_series(0, 1999) n, generate_series(1, 10) k;
            INSERT INTO trade_order (id, offer_id, room_id, buyer_id, seller_id, placed_by, idempotency_key, usdt_amount,
                                     price, fiat_amount, fiat_currency, status, payment_window_ends_at, created_at,
                                     updated_at)
            SELECT md5('order' || id || k)::uuid, md5('offer')::uuid, id, member_low, member_high, member_low, id || '/' || k,
                   10, 1.01, 10.10, 'USD',
                   CASE WHEN k = 1 AND last_seq = 5000 THEN 'PENDING_PAYMENT'
                        WHEN k = 2 AND right(id::text, 1) IN ('0', '1') THEN 'APPEAL' ELSE 'COMPLETED' END,
                   now() - k * interval '1 hour', now() - k * interval '2 hours', now() - k * interval '1 hour'
            FROM chat_room, generate_series(1, 2) k;

            -- on chain: every user has a deposit address and 20 credited deposits; 5 deposits wait for confirmations
            INSERT INTO deposit_address (user_id, child_index, address)
            SELECT md5('user' || n)::uuid, n, '0x' || left(md5('address' || n) || md5('more' || n), 40)
            FROM generate_series(0, 1999) n;
            INSERT INTO chain_deposit (tx_hash, log_index, user_id, address, amount, block_number, block_hash, status,
                                       seen_at, credited_at)
            SELECT '0x' || md5('tx' || child_index || '/' || k) || md5('more' || child_index || '/' || k), 0, user_id,
                   address, 10, child_index * 20 + k, md5('block' || (child_index * 20 + k)),
                   CASE WHEN child_index < 5 AND k = 20 THEN 'PENDING' ELSE 'CREDITED' END,
                   now() - (20 - k) * interval '1 day',
                   CASE WHEN child_index < 5 AND k = 20 THEN NULL ELSE now() - (20 - k) * interval '1 day' END
            FROM deposit_address, generate_series(1, 20) k;

            -- 10 confirmed withdrawals a user, each with its transfer from the one hot wallet; a few still under way
            INSERT INTO withdrawal (id, user_id, idempotency_key, address, amount, fee, status, tx_hash, created_at,
                                    sent_at, confirmed_at)
            SELECT md5('withdrawal' || n || '/' || k)::uuid, md5('user' || n)::uuid, n || '/' || k,
                   '0x' || left(md5('to' || n), 40), 10, 1,
                   CASE WHEN k < 10 OR n >= 6 THEN 'CONFIRMED' WHEN n < 2 THEN 'QUEUED' WHEN n < 4 THEN 'SENT'
                        ELSE 'PENDING_APPROVAL' END,
                   CASE WHEN k < 10 OR n >= 6 OR n IN (2, 3) THEN '0x' || md5('wtx' || n || '/' || k) END,
                   now() - (10 - k) * interval '1 day', now() - (10 - k) * interval '1 day',
                   CASE WHEN k < 10 OR n >= 6 THEN now() - (10 - k) * interval '1 day' END
            FROM generate_series(0, 1999) n, generate_series(1, 10) k;
            INSERT INTO withdrawal_transfer (withdrawal_id, sender, nonce, tx_hash, raw)
            SELECT id, '0x' || md5('hot wallet'), row_number() OVER (ORDER BY created_at, id) - 1, tx_hash, 'raw'
            FROM withdrawal WHERE tx_hash IS NOT NULL;

            -- every user blocked one other
            INSERT INTO user_block (blocker_id, blocked_id, created_at)
            SELECT md5('user' || n)::uuid, md5('user' || ((n + 7) % 2000))::uuid, now() FROM generate_series(0, 1999) n;

            ANALYZE;
            """;

    private static PostgresPersistence persistence;
    private static Jdbi jdbi;
    private static UUID member;
    private static UUID busyRoom;

    @BeforeAll
    static void loadAVolume() throws SQLException {
        JdbcTarget target = TestDatabases.fresh();
        persistence = PostgresPersistence.open(target, new SimpleMeterRegistry());
        jdbi = TestDatabases.jdbi(target);
        jdbi.useHandle(handle -> {
            // plain JDBC runs the script as it is, with its casts and several statements
            try (Statement statement = handle.getConnection().createStatement()) {
                statement.execute(VOLUME);
                // as autovacuum would have by then: the room list's index-only reads need the visibility map
                statement.execute("VACUUM room_member");
            }
        });
        member = jdbi.withHandle(handle -> handle.createQuery("SELECT CAST(md5('user0') AS uuid)")
                .mapTo(UUID.class).one());
        busyRoom = jdbi.withHandle(handle -> handle.createQuery("SELECT CAST(md5('room0/1') AS uuid)")
                .mapTo(UUID.class).one());
    }

    @AfterAll
    static void closeDatabase() {
        persistence.close();
    }

    @Test
    void theRoomListReadsTheMembersIndexRange() {
        String firstPage = plan(JdbiRoomList.ROOM_PAGE, Map.of("viewer", member, "limit", 20, "offset", 0L));
        String deepPage = plan(JdbiRoomList.ROOM_PAGE, Map.of("viewer", member, "limit", 5, "offset", 10L));
        String count = plan(JdbiRoomList.ROOM_COUNT, Map.of("viewer", member));
        String search = plan(JdbiRoomList.SEARCH_PAGE,
                Map.of("viewer", member, "pattern", "%user1%", "limit", 20, "offset", 0L));

        assertThat(firstPage).contains("room_member_room_list_idx")
                .doesNotContain("Seq Scan on room_member", "Seq Scan on message", "Seq Scan on socket_connection");
        // the rooms before the page are skipped in the index, which holds all the page's subquery needs
        assertThat(deepPage).contains("Index Only Scan using room_member_room_list_idx")
                .doesNotContain("Seq Scan on room_member", "Seq Scan on message");
        assertThat(count).contains("Index Only Scan using room_member_room_list_idx")
                .doesNotContain("Seq Scan on room_member");
        assertThat(search).contains("room_member_room_list_idx")
                .doesNotContain("Seq Scan on room_member", "Seq Scan on message");
    }

    @Test
    void historyPagesReadTheRoomsSeqIndexRange() {
        String newest = plan(JdbiMessages.BEFORE, Map.of("room", busyRoom, "seq", Long.MAX_VALUE, "limit", 51));
        String after = plan(JdbiMessages.AFTER, Map.of("room", busyRoom, "seq", 4900L, "limit", 51));

        assertThat(newest).contains("message_room_seq_key").doesNotContain("Seq Scan on message");
        assertThat(after).contains("message_room_seq_key").doesNotContain("Seq Scan on message");
    }

    @Test
    void aBatchOfSendsLocksItsRoomsAndLooksUpReusedClientIdsAndBlocksByKey() {
        UUID[] rooms = {busyRoom, UUID.randomUUID(), UUID.randomUUID()};
        String lock = plan(JdbiChatRooms.LOCK_WITH_SIDES, Map.of("ids", rooms));
        UUID[] senders = new UUID[100];
        Arrays.fill(senders, member);
        String reused = plan(JdbiMessages.BY_CLIENT_MESSAGE_IDS, Map.of("senders", senders,
                "clientMessageIds", IntStream.range(0, 100).mapToObj(n -> "phone-" + n).toArray(String[]::new)));

        assertThat(lock).contains("chat_room_pkey")
                .doesNotContain("Seq Scan on chat_room", "Seq Scan on room_member", "Seq Scan on user_account",
                        "Seq Scan on socket_connection");
        assertThat(reused).contains("message_client_message_id_key").doesNotContain("Seq Scan on message");
        UUID[] others = IntStream.range(0, 100).mapToObj(n -> UUID.randomUUID()).toArray(UUID[]::new);
        String blocked = plan(JdbiBlocks.BLOCKED_AMONG, Map.of("ones", senders, "others", others));
        assertThat(blocked).containsPattern("Index Scan on user_block_(pkey|blocked_idx)")
                .doesNotContain("Seq Scan on user_block");
    }

    @Test
    void aBatchOfSendsToABusyAgentLocksEachRoomsMembersByRoomNotByTheAgentsWholeRoomList() {
        UUID[] agentRooms = jdbi.withHandle(handle -> handle.createQuery(
                "SELECT room_id FROM room_member WHERE user_id = CAST(md5('agent') AS uuid) ORDER BY room_id LIMIT 100")
                .mapTo(UUID.class).list()).toArray(UUID[]::new);

        String lock = plan(JdbiChatRooms.LOCK_WITH_SIDES, Map.of("ids", agentRooms));

        // by the agent alone, each of the 100 rooms would read the agent's 3,000 entries of the room-list index
        assertThat(lock).contains("room_member_pkey").doesNotContain("room_member_room_list_idx",
                "Seq Scan on room_member");
    }

    @Test
    void theCallTimerReadsOnlyTheActiveCalls() {
        var due = Map.<String, Object>of("cutoff", java.time.OffsetDateTime.now(), "limit", 100);
        String ringing = plan(JdbiCallSessions.CLAIM_RINGING, due);
        String abandoned = plan(JdbiCallSessions.CLAIM_ABANDONED, due);

        assertThat(ringing).contains("call_session_active_idx").doesNotContain("Seq Scan on call_session");
        assertThat(abandoned).contains("call_session_active_idx").doesNotContain("Seq Scan on call_session");
    }

    @Test
    void thePaymentWindowTimerReadsOnlyTheOrdersStillWaiting() {
        String due = plan(JdbiOrders.CLAIM_EXPIRED, Map.of("now", java.time.OffsetDateTime.now(), "limit", 100));

        // either index reads only the waiting orders; which one the planner picks depends on its random statistics
        assertThat(due).doesNotContain("Seq Scan on trade_order").satisfiesAnyOf(
                plan -> assertThat(plan).contains("trade_order_payment_due_idx"),
                plan -> assertThat(plan).contains("trade_order_status_idx")
                        .contains("Index Cond: (status = 'PENDING_PAYMENT'::text)"));
    }

    @Test
    void filesAreLockedByKeyAndTheCollectorAndTheAppealCheckReadOnlyTheFewRowsTheyWant() throws SQLException {
        // 40,000 files sent in the rooms' messages, and a few unsent ones
        jdbi.useHandle(handle -> {
            try (Statement statement = handle.getConnection().createStatement()) {
                statement.execute("""
                        INSERT INTO attachment (id, room_id, uploader_id, kind, mime, name, size, created_at, message_id)
                        SELECT md5('file' || m.id)::uuid, m.room_id, m.sender_id, 'IMAGE', 'image/jpeg', 'p.jpg', 1000,
                               m.created_at, CASE WHEN m.seq = 3 AND m.room_id <> md5('room0/1')::uuid THEN NULL ELSE m.id END
                        FROM message m WHERE m.seq <= 2 OR (m.seq = 3 AND m.room_id IN (
                            SELECT id FROM chat_room ORDER BY id LIMIT 10));
                        ANALYZE attachment;
                        """);
            }
        });
        UUID[] files = jdbi.withHandle(handle -> handle.createQuery("SELECT id FROM attachment LIMIT 10")
                .mapTo(UUID.class).list()).toArray(UUID[]::new);

        String lock = plan(JdbiAttachments.LOCK, Map.of("ids", files));
        String collect = plan(JdbiAttachments.DELETE_UNUSED, Map.of("before", java.time.OffsetDateTime.now(), "limit", 100));
        String room = plan(JdbiAttachments.ROOM, Map.of("id", busyRoom));

        assertThat(lock).contains("attachment_pkey").doesNotContain("Seq Scan on attachment");
        assertThat(collect).contains("attachment_unused_idx").doesNotContain("Seq Scan on attachment");
        assertThat(room).contains("chat_room_pkey", "trade_order_room_appeal_idx").doesNotContain("Seq Scan");
    }

    @Test
    void anAgentsOwnOffersReadTheAgentsIndexRange() {
        String own = plan(JdbiOffers.OF_AGENT, Map.of("agent", member, "limit", 100));

        assertThat(own).contains("offer_agent_idx").doesNotContain("Seq Scan on offer");
    }

    @Test
    void theDepositFollowerReadsOnlyTheDepositsWaitingForConfirmations() {
        String pending = plan(JdbiDeposits.PENDING, Map.of());

        assertThat(pending).contains("chain_deposit_pending_idx").doesNotContain("Seq Scan on chain_deposit");
    }

    @Test
    void theWithdrawalSenderReadsOnlyTheWithdrawalsUnderWayAndItsNewestNonce() {
        String unfinished = plan(JdbiWithdrawals.UNFINISHED, Map.of("limit", 50));
        String hotWallet = jdbi.withHandle(handle -> handle.createQuery("SELECT '0x' || md5('hot wallet')")
                .mapTo(String.class).one());
        String nonce = plan(JdbiWithdrawals.HIGHEST_NONCE, Map.of("sender", hotWallet));

        // "withdrawal " with its space: a scan of withdrawal itself, not of withdrawal_transfer
        assertThat(unfinished).contains("withdrawal_status_idx", "withdrawal_transfer_pkey")
                .doesNotContain("Seq Scan on withdrawal ", "Seq Scan on withdrawal_transfer");
        assertThat(nonce).contains("withdrawal_transfer_nonce").doesNotContain("Seq Scan on withdrawal_transfer");
    }

    private static String plan(String sql, Map<String, Object> parameters) {
        return jdbi.withHandle(handle -> String.join("\n", handle.createQuery("EXPLAIN (FORMAT TEXT) " + sql)
                .bindMap(parameters)
                .mapTo(String.class)
                .list()));
    }
}
