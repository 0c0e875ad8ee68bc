-- set when an admin bans the account: its logins are refused until it is unbanned
ALTER TABLE user_account ADD COLUMN banned_at timestamptz NULL;

CREATE TABLE login_session (
    id            uuid        PRIMARY KEY,
    user_id       uuid        NOT NULL REFERENCES user_account (id),
    -- SHA-256 (hex) of the refresh token that may be used next; never the token
    refresh_hash  text        NOT NULL,
    created_at    timestamptz NOT NULL,
    -- the sign-in or the last refresh: the session expires AUTH_SESSION_TTL after it
    last_used_at  timestamptz NOT NULL,
    user_agent    text        NOT NULL,
    revoked_at    timestamptz NULL
);

CREATE INDEX login_session_user_idx ON login_session (user_id) WHERE revoked_at IS NULL;

-- every refresh token hash a session was given, so that a used one is recognised when it comes back
CREATE TABLE refresh_token (
    hash       text PRIMARY KEY,
    session_id uuid NOT NULL REFERENCES login_session (id) ON DELETE CASCADE
);

CREATE INDEX refresh_token_session_idx ON refresh_token (session_id);

CREATE TABLE user_block (
    blocker_id uuid        NOT NULL REFERENCES user_account (id),
    blocked_id uuid        NOT NULL REFERENCES user_account (id),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id)
);

-- "who blocked me", for hiding offers and for the check in either direction
CREATE INDEX user_block_blocked_idx ON user_block (blocked_id);

CREATE TABLE user_report (
    id          uuid        PRIMARY KEY,
    reporter_id uuid        NOT NULL REFERENCES user_account (id),
    reported_id uuid        NOT NULL REFERENCES user_account (id),
    room_id     uuid        NULL,
    message_id  uuid        NULL,
    reason      text        NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE INDEX user_report_created_idx ON user_report (created_at DESC);
