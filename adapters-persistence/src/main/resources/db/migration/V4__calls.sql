-- Voice calls. The channel name and the uids are random and say nothing about the participants.
CREATE TABLE call_session (
    id           uuid        PRIMARY KEY,
    room_id      uuid        NOT NULL REFERENCES chat_room (id),
    caller_id    uuid        NOT NULL REFERENCES user_account (id),
    callee_id    uuid        NOT NULL REFERENCES user_account (id),
    -- the lower-case names of the CallStatus enum
    status       text        NOT NULL CHECK (status IN ('ringing', 'accepted', 'rejected', 'cancelled', 'missed', 'ended', 'failed')),
    channel_name text        NOT NULL,
    -- Agora uids are unsigned 32-bit numbers; 0 would let Agora pick one
    caller_uid   bigint      NOT NULL CHECK (caller_uid BETWEEN 1 AND 4294967295),
    callee_uid   bigint      NOT NULL CHECK (callee_uid BETWEEN 1 AND 4294967295),
    started_at   timestamptz NOT NULL,
    answered_at  timestamptz NULL,
    ended_at     timestamptz NULL,
    CONSTRAINT call_session_channel_name_key UNIQUE (channel_name),
    CHECK (caller_id <> callee_id)
);

-- a participant's history, newest first, is a range of one of these two
CREATE INDEX call_session_caller_idx ON call_session (caller_id, started_at DESC, id DESC);
CREATE INDEX call_session_callee_idx ON call_session (callee_id, started_at DESC, id DESC);

-- the timer and the busy check look only at the few calls that ring or talk now
CREATE INDEX call_session_active_idx ON call_session (started_at) WHERE status IN ('ringing', 'accepted');
CREATE INDEX call_session_active_caller_idx ON call_session (caller_id) WHERE status IN ('ringing', 'accepted');
CREATE INDEX call_session_active_callee_idx ON call_session (callee_id) WHERE status IN ('ringing', 'accepted');
