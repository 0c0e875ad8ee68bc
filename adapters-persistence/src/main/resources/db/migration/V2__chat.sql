-- One direct room per pair of people. The pair is stored in PostgreSQL's uuid order, whichever member opened
-- the room, so that (a, b) and (b, a) meet the same unique key.
CREATE TABLE chat_room (
    id               uuid        PRIMARY KEY,
    member_low       uuid        NOT NULL REFERENCES user_account (id),
    member_high      uuid        NOT NULL REFERENCES user_account (id),
    -- the seq of the room's newest message; an append locks this row and takes the next one, so seqs have no gaps
    last_seq         bigint      NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL,
    last_activity_at timestamptz NOT NULL,
    CONSTRAINT chat_room_pair_key UNIQUE (member_low, member_high),
    CHECK (member_low < member_high)
);

-- A member's side of a room: how far they have received and read it.
CREATE TABLE room_member (
    room_id          uuid        NOT NULL REFERENCES chat_room (id),
    user_id          uuid        NOT NULL REFERENCES user_account (id),
    delivered_seq    bigint      NOT NULL DEFAULT 0,
    read_seq         bigint      NOT NULL DEFAULT 0,
    -- a copy of the room's, so that a member's room list, newest first, is one range of the index below
    last_activity_at timestamptz NOT NULL,
    PRIMARY KEY (room_id, user_id),
    -- reading a message implies having received it
    CHECK (read_seq <= delivered_seq)
);

CREATE INDEX room_member_room_list_idx ON room_member (user_id, last_activity_at DESC, room_id);

CREATE TABLE message (
    id                uuid        PRIMARY KEY,
    room_id           uuid        NOT NULL REFERENCES chat_room (id),
    seq               bigint      NOT NULL,
    sender_id         uuid        NOT NULL REFERENCES user_account (id),
    -- the lower-case names of the MessageType enum
    type              text        NOT NULL CHECK (type IN ('text', 'system', 'call')),
    text              text        NOT NULL,
    -- the sender's own id for the message, which makes a resend harmless; null for system messages
    client_message_id text        NULL,
    -- details of system and call messages; null when there are none
    meta              jsonb       NULL,
    created_at        timestamptz NOT NULL,
    -- also the index that history pages, newest or oldest first, read a range of
    CONSTRAINT message_room_seq_key UNIQUE (room_id, seq),
    -- NULLs are distinct, so system messages without a client id do not collide
    CONSTRAINT message_client_message_id_key UNIQUE (sender_id, client_message_id)
);

-- Presence, shared by every node: a user is online while a socket of theirs is connected to a live node.
ALTER TABLE user_account ADD COLUMN last_seen_at timestamptz NULL;

-- A running server process; a node whose heartbeat stops is swept away with its sockets by the others.
CREATE TABLE server_node (
    id           uuid        PRIMARY KEY,
    heartbeat_at timestamptz NOT NULL
);

CREATE TABLE socket_connection (
    socket_id    uuid        PRIMARY KEY,
    user_id      uuid        NOT NULL REFERENCES user_account (id),
    node_id      uuid        NOT NULL REFERENCES server_node (id) ON DELETE CASCADE,
    connected_at timestamptz NOT NULL
);

CREATE INDEX socket_connection_user_idx ON socket_connection (user_id);
-- the sweep finds a dead node's sockets, and the cascade deletes them, through this index
CREATE INDEX socket_connection_node_idx ON socket_connection (node_id);

-- The rooms a socket has open on screen; a message to a viewer is read at once.
CREATE TABLE room_viewer (
    socket_id uuid NOT NULL REFERENCES socket_connection (socket_id) ON DELETE CASCADE,
    room_id   uuid NOT NULL REFERENCES chat_room (id),
    -- a copy of the socket's user, so that "is this user viewing this room" is one index lookup
    user_id   uuid NOT NULL,
    PRIMARY KEY (socket_id, room_id)
);

CREATE INDEX room_viewer_user_room_idx ON room_viewer (user_id, room_id);
