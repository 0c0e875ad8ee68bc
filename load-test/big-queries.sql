-- EXPLAIN (ANALYZE, BUFFERS) of the chat's hot reads over the tables big-tables.sql makes, printed as a Markdown
-- table (load-test/run-big-tables). Each statement is the text of its constant in adapters-persistence's Jdbi*
-- classes, with the named parameters bound as literals; keep them in step when those change.
\set ON_ERROR_STOP on
\pset pager off

-- The busiest agent, a typical user (two rooms), the hottest room, a typical room of that user.
SELECT user_id AS agent, count(*) AS agent_rooms FROM room_member GROUP BY user_id ORDER BY count(*) DESC LIMIT 1 \gset
SELECT md5('user60000')::uuid AS typical_user \gset
SELECT id AS hot_room, last_seq AS hot_last_seq FROM chat_room ORDER BY last_seq DESC, id LIMIT 1 \gset
SELECT room_id AS typical_room FROM room_member WHERE user_id = :'typical_user' ORDER BY room_id LIMIT 1 \gset
-- a batch of sends: the hot room and 99 other rooms of the agent
SELECT array_agg(room_id)::text AS batch_rooms FROM (
    SELECT room_id FROM room_member WHERE user_id = :'agent' ORDER BY room_id LIMIT 100) r \gset
\echo busiest agent :agent with :agent_rooms rooms; hottest room :hot_room with :hot_last_seq messages
\o /dev/null

CREATE TEMP TABLE measured (position serial, query text, plan_shape text, rows_read bigint, buffers text,
                            first_ms numeric, warm_ms numeric);

-- Runs the statement six times and records the first run's time, the median of the other five, and the last one's
-- plan: its scans (node, table, index), the rows they returned (times their loops), and its buffers.
CREATE FUNCTION pg_temp.measure(label text, statement text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    first_plan jsonb;
    plan jsonb;
    warm numeric[] := '{}';
BEGIN
    EXECUTE 'EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ' || statement INTO first_plan;
    FOR run IN 1..5 LOOP
        EXECUTE 'EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ' || statement INTO plan;
        warm := warm || (plan -> 0 ->> 'Execution Time')::numeric;
    END LOOP;
    INSERT INTO measured (query, plan_shape, rows_read, buffers, first_ms, warm_ms)
    WITH RECURSIVE node (n) AS (
        SELECT plan -> 0 -> 'Plan'
        UNION ALL
        SELECT jsonb_array_elements(n -> 'Plans') FROM node WHERE n ? 'Plans'
    ), scan AS (
        SELECT n ->> 'Node Type' AS type, n ->> 'Relation Name' AS relation, n ->> 'Index Name' AS index,
               (n ->> 'Actual Rows')::bigint * (n ->> 'Actual Loops')::bigint AS rows,
               (n ->> 'Heap Fetches')::bigint AS heap_fetches
        FROM node WHERE n ? 'Relation Name' OR n ->> 'Node Type' = 'Sort'
    )
    SELECT label,
           (SELECT string_agg(DISTINCT CASE
                       WHEN type = 'Sort' THEN '**Sort**'
                       WHEN type = 'Seq Scan' THEN '**Seq Scan ' || relation || '**'
                       ELSE replace(type, ' Scan', '') || ' ' || coalesce(index, relation)
                            || CASE WHEN heap_fetches > 0 THEN ' (' || heap_fetches || ' heap fetches)' ELSE '' END
                   END, ', ') FROM scan),
           (SELECT coalesce(sum(rows), 0) FROM scan WHERE type <> 'Sort'),
           (plan -> 0 -> 'Plan' ->> 'Shared Hit Blocks') || ' hit, ' || (plan -> 0 -> 'Plan' ->> 'Shared Read Blocks')
               || ' read',
           round((first_plan -> 0 ->> 'Execution Time')::numeric, 2),
           round((SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY ms) FROM unnest(warm) ms), 2);
END
$$;

-- JdbiRoomList.summaries(...) with OPPONENT and MessageRows.COLUMNS, which ROOM_PAGE, SEARCH_PAGE and ONE_SUMMARY
-- are made of; psql's \set joins its arguments
\set columns 'SELECT me.room_id, me.last_activity_at, room.last_seq, me.delivered_seq AS my_delivered_seq, me.read_seq AS my_read_seq, them.delivered_seq AS their_delivered_seq, them.read_seq AS their_read_seq, opponent.id AS opponent_id, opponent.username AS opponent_username, opponent.role AS opponent_role, opponent.last_seen_at AS opponent_last_seen_at, (SELECT true FROM socket_connection s WHERE s.user_id = opponent.id LIMIT 1) IS NOT NULL AS opponent_online, m.id AS message_id, m.room_id AS message_room_id, m.seq AS message_seq, m.sender_id AS message_sender_id, m.type AS message_type, m.text AS message_text, m.client_message_id AS message_client_message_id, m.meta AS message_meta, m.created_at AS message_created_at, m.attachments AS message_attachments '
\set opponent 'JOIN room_member them ON them.room_id = me.room_id AND them.user_id <> me.user_id JOIN user_account opponent ON opponent.id = them.user_id '
\set rest 'JOIN chat_room room ON room.id = me.room_id LEFT JOIN message m ON m.room_id = room.id AND m.seq = room.last_seq WHERE me.user_id = %1$L '
\set room_page :columns 'FROM (SELECT room_id FROM room_member WHERE user_id = %1$L ORDER BY last_activity_at DESC, room_id LIMIT %2$s OFFSET %3$s) page JOIN room_member me ON me.room_id = page.room_id AND me.user_id = %1$L ' :opponent :rest 'ORDER BY me.last_activity_at DESC, me.room_id'
\set search_page :columns 'FROM room_member me ' :opponent :rest 'AND opponent.username ILIKE %2$L ORDER BY me.last_activity_at DESC, me.room_id LIMIT %3$s OFFSET %4$s'
\set one_summary :columns 'FROM room_member me ' :opponent :rest 'AND me.room_id = %2$L'
-- JdbiRoomList.ROOM_COUNT and SEARCH_COUNT
\set room_count 'SELECT count(*) FROM room_member WHERE user_id = %L'
\set search_count 'SELECT count(*) FROM room_member me ' :opponent 'WHERE me.user_id = %L AND opponent.username ILIKE %L'

SELECT pg_temp.measure('room page 1, busiest agent', format(:'room_page', :'agent', 20, 0));
SELECT pg_temp.measure('room page 100 (offset 1,980), busiest agent', format(:'room_page', :'agent', 20, 1980));
SELECT pg_temp.measure('room last page, busiest agent', format(:'room_page', :'agent', 20, (:agent_rooms - 1) / 20 * 20));
SELECT pg_temp.measure('room count, busiest agent', format(:'room_count', :'agent'));
SELECT pg_temp.measure('room page 1 searching "user123", busiest agent', format(:'search_page', :'agent', '%user123%', 20, 0));
SELECT pg_temp.measure('room count searching "user123", busiest agent', format(:'search_count', :'agent', '%user123%'));
SELECT pg_temp.measure('room page 1, typical user', format(:'room_page', :'typical_user', 20, 0));
SELECT pg_temp.measure('room count, typical user', format(:'room_count', :'typical_user'));

-- JdbiRoomList.ONE_SUMMARY, after every send to each member
SELECT pg_temp.measure('one room summary, busiest agent, hottest room', format(:'one_summary', :'agent', :'hot_room'));

-- JdbiMessages.BEFORE and AFTER, chat-history's default 30 messages (31 asked for)
\set history_columns 'SELECT m.id AS message_id, m.room_id AS message_room_id, m.seq AS message_seq, m.sender_id AS message_sender_id, m.type AS message_type, m.text AS message_text, m.client_message_id AS message_client_message_id, m.meta AS message_meta, m.created_at AS message_created_at, m.attachments AS message_attachments FROM message m '
\set before :history_columns 'WHERE m.room_id = %L AND m.seq < %s ORDER BY m.seq DESC LIMIT %s'
\set after :history_columns 'WHERE m.room_id = %L AND m.seq > %s ORDER BY m.seq LIMIT %s'
SELECT pg_temp.measure('history newest page, hottest room', format(:'before', :'hot_room', 9223372036854775807, 31));
SELECT pg_temp.measure('history before seq 50,000, hottest room', format(:'before', :'hot_room', 50000, 31));
SELECT pg_temp.measure('history before seq 31, hottest room', format(:'before', :'hot_room', 31, 31));
SELECT pg_temp.measure('history after seq 90,000, hottest room', format(:'after', :'hot_room', 90000, 31));
SELECT pg_temp.measure('history newest page, typical room', format(:'before', :'typical_room', 9223372036854775807, 31));

-- JdbiMessages.BY_CLIENT_MESSAGE_IDS, the second statement of a batch of sends: 100 new clientMessageIds
\set by_client_message_ids 'SELECT m.* FROM unnest(%L::uuid[], %L::text[]) AS used (sender_id, client_message_id) CROSS JOIN LATERAL (' :history_columns 'WHERE m.sender_id = used.sender_id AND m.client_message_id = used.client_message_id) m'
SELECT pg_temp.measure('send: reused clientMessageIds, 100 of the busiest agent',
    format(:'by_client_message_ids', (SELECT array_fill(:'agent'::uuid, ARRAY[100])),
           (SELECT array_agg('phone-' || n) FROM generate_series(1, 100) n)));

-- JdbiRoomList.UNREAD_TOTALS, the push badges of a batch of notifications (here of one member)
\set unread_total 'SELECT m.user_id, sum(r.last_seq - m.read_seq) AS unread FROM room_member m JOIN chat_room r ON r.id = m.room_id WHERE m.user_id = ANY(ARRAY[%L::uuid]) GROUP BY m.user_id'
SELECT pg_temp.measure('unread total, busiest agent', format(:'unread_total', :'agent'));
SELECT pg_temp.measure('unread total, typical user', format(:'unread_total', :'typical_user'));

-- JdbiChatRooms.LOCK_WITH_SIDES, the first statement of a batch of sends
\set lock_with_sides 'SELECT room.id, room.member_low, room.member_high, room.last_seq, room.created_at, member.delivered_seq, member.read_seq, account.id AS member_id, account.username, account.role, account.last_seen_at, (SELECT true FROM socket_connection s WHERE s.user_id = account.id LIMIT 1) IS NOT NULL AS online, (SELECT true FROM room_viewer v WHERE v.user_id = account.id AND v.room_id = room.id LIMIT 1) IS NOT NULL AS viewing FROM chat_room room JOIN room_member member ON member.room_id = room.id JOIN user_account account ON account.id = member.user_id WHERE room.id = ANY(%L::uuid[]) ORDER BY room.id, member.user_id FOR NO KEY UPDATE OF room'
SELECT pg_temp.measure('send lock, hottest room', format(:'lock_with_sides', '{' || :'hot_room' || '}'));
SELECT pg_temp.measure('send lock, 100 rooms of the busiest agent', format(:'lock_with_sides', :'batch_rooms'));

-- JdbiChatRooms.DELIVER_ALL and JdbiRoomList.CONTACTS, on every connect (every message is delivered already, so
-- DELIVER_ALL changes nothing)
\set deliver_all 'WITH due AS (SELECT me.room_id FROM room_member me JOIN chat_room room ON room.id = me.room_id WHERE me.user_id = %1$L AND me.delivered_seq < room.last_seq ORDER BY me.room_id FOR NO KEY UPDATE OF room) UPDATE room_member me SET delivered_seq = room.last_seq FROM chat_room room, due WHERE me.user_id = %1$L AND me.room_id = due.room_id AND room.id = me.room_id AND me.delivered_seq < room.last_seq RETURNING me.room_id, me.delivered_seq, CASE WHEN room.member_low = me.user_id THEN room.member_high ELSE room.member_low END AS opponent'
\set contacts 'SELECT them.user_id FROM room_member me JOIN room_member them ON them.room_id = me.room_id AND them.user_id <> me.user_id WHERE me.user_id = %L'
SELECT pg_temp.measure('deliver all on connect, busiest agent', format(:'deliver_all', :'agent'));
SELECT pg_temp.measure('contacts on connect, busiest agent', format(:'contacts', :'agent'));

\o
\pset format unaligned
\pset tuples_only on
SELECT '| query | plan (scans) | rows read | buffers | first ms | warm ms (median of 5) |';
SELECT '| --- | --- | --- | --- | --- | --- |';
SELECT format('| %s | %s | %s | %s | %s | %s |', query, plan_shape, to_char(rows_read, 'FM999,999,990'), buffers,
              first_ms, warm_ms)
FROM measured ORDER BY position;
