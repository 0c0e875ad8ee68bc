-- 1,000 agents, 100,000 users, 100,000 rooms and about 10 million messages, made with set-based SQL on a freshly
-- migrated database (load-test/run-big-tables). Rooms pair an agent with a user: an agent has from about 30 rooms to
-- 8,000 (agent 0), a user one or two (users 80,000 and up none). 20 rooms of agent 0 hold 100,000 messages each,
-- the others 1 to 320, most of them few. Every row keeps the schema's invariants: seqs gapless from 1 to the room's
-- last_seq, read_seq <= delivered_seq <= last_seq, room_member.last_activity_at equal to the room's, which is the
-- time of its newest message.

-- the foreign keys' triggers would look up a room and an account for each of the 10 million messages; every key
-- below is made from the rows it points to
SET session_replication_role = replica;
SET maintenance_work_mem = '512MB';

INSERT INTO user_account (id, username, phone, password_hash, role, created_at)
SELECT md5('agent' || n)::uuid, 'agent' || n, '+1555' || lpad(n::text, 7, '0'), 'hash', 'agent',
       now() - interval '400 days'
FROM generate_series(0, 999) n;
INSERT INTO user_account (id, username, phone, password_hash, role, created_at)
SELECT md5('user' || n)::uuid, 'user' || n, '+1666' || lpad(n::text, 7, '0'), 'hash', 'user',
       now() - interval '400 days'
FROM generate_series(0, 99999) n;

-- User u's j-th room (j = 0, 1): agent (skew + 500 j) mod 1000, so a user's two agents differ; the skew, the cube of
-- a spread-out fraction of u, gives agent 0 about a tenth of the rooms and agent 999 a few dozen.
CREATE TEMP TABLE big_room AS
SELECT md5('room' || u || '/' || j)::uuid AS id, u, j,
       (floor(1000 * power(((u::bigint * 7919) % 100003) / 100003.0, 3))::int + 500 * j) % 1000 AS agent,
       -- how many messages and how recent, from two more spread-out fractions
       ((u::bigint * 48271 + j * 16807) % 100019) / 100019.0 AS size_fraction,
       ((u::bigint * 69621 + j * 4801) % 100043) / 100043.0 AS age_fraction
FROM generate_series(0, 79999) u, generate_series(0, 1) j
WHERE j = 0 AND u < 60000 OR u >= 60000;

ALTER TABLE big_room ADD COLUMN last_seq bigint, ADD COLUMN last_activity_at timestamptz;
-- the 20 hot rooms are agent 0's most recent ones
UPDATE big_room r SET last_seq = CASE WHEN hot.rank <= 20 THEN 100000 ELSE 1 + floor(319 * power(size_fraction, 3)) END,
                      last_activity_at = now() - age_fraction * interval '90 days'
FROM (SELECT id, CASE WHEN agent = 0 THEN row_number() OVER (PARTITION BY agent = 0 ORDER BY age_fraction) END AS rank
      FROM big_room) hot
WHERE hot.id = r.id;

INSERT INTO chat_room (id, member_low, member_high, last_seq, created_at, last_activity_at)
SELECT id, LEAST(a, b), GREATEST(a, b), last_seq, last_activity_at - last_seq * interval '1 minute' - interval '1 day',
       last_activity_at
FROM big_room, LATERAL (SELECT md5('agent' || agent)::uuid AS a, md5('user' || u)::uuid AS b) pair
ORDER BY id;

-- everything delivered; the agent has not read the newest 0 to 4 messages of some rooms, the user has read all
INSERT INTO room_member (room_id, user_id, delivered_seq, read_seq, last_activity_at)
SELECT r.id, md5('agent' || agent)::uuid, last_seq, GREATEST(0, last_seq - floor(5 * power(age_fraction, 8))),
       last_activity_at
FROM big_room r
UNION ALL
SELECT r.id, md5('user' || u)::uuid, last_seq, last_seq, last_activity_at
FROM big_room r;

-- In room order, and in seq order within a room, so that the (room_id, seq) index and the primary key (ids counted
-- up: random ones are slow to make) grow at their right end. Members take turns; one minute between messages.
INSERT INTO message (id, room_id, seq, sender_id, type, text, client_message_id, created_at)
SELECT lpad(to_hex(row_number() OVER ()), 32, '0')::uuid, r.id, seq,
       CASE WHEN seq % 2 = 0 THEN r.member_low ELSE r.member_high END, 'text',
       'Hello, this is message number ' || seq || ' of the room', 'client-' || row_number() OVER (),
       r.last_activity_at - (r.last_seq - seq) * interval '1 minute'
FROM (SELECT * FROM chat_room ORDER BY id) r, generate_series(1, r.last_seq) seq;

-- every agent and one user in fifty online, one socket each
INSERT INTO server_node (id, heartbeat_at) VALUES (md5('node')::uuid, now());
INSERT INTO socket_connection (socket_id, user_id, node_id, connected_at)
SELECT md5('socket' || id)::uuid, id, md5('node')::uuid, now()
FROM user_account WHERE role = 'agent' OR right(username, 2) = '00' OR right(username, 2) = '50';

RESET session_replication_role;
DROP TABLE big_room;

-- the server's own autovacuum is off on the benchmark machine: set the visibility map and the statistics now, as
-- autovacuum would have over time
VACUUM ANALYZE;
