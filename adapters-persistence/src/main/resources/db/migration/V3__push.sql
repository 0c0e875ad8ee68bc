-- FCM registration tokens. A token is one app install, so it belongs to one user at a time.
CREATE TABLE push_device (
    token         text        PRIMARY KEY,
    user_id       uuid        NOT NULL REFERENCES user_account (id),
    platform      text        NOT NULL CHECK (platform IN ('android', 'ios', 'web')),
    registered_at timestamptz NOT NULL
);

CREATE INDEX push_device_user_idx ON push_device (user_id);

-- The push outbox: one row per device per push, written in the transaction of what caused the push. A sent row is
-- deleted; a failed one stays with its reason. A claimed row has next_attempt_at moved to the end of its lease.
CREATE TABLE push_outbox (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- no foreign key: a pruned or moved token takes its pending rows with it (see JdbiDevices), failed rows stay
    token           text        NOT NULL,
    -- the composed push (application PushMessage); title and body are null for data-only pushes
    title           text        NULL,
    body            text        NULL,
    data            jsonb       NOT NULL,
    channel         text        NULL,
    thread_id       text        NULL,
    badge           integer     NULL,
    expires_at      timestamptz NULL,
    status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'failed')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text        NULL,
    created_at      timestamptz NOT NULL
);

-- the dispatchers' claim reads the due rows in order from this index
CREATE INDEX push_outbox_due_idx ON push_outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX push_outbox_token_idx ON push_outbox (token) WHERE status = 'pending';
