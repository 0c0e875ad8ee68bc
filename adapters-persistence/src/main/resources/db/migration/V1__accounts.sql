CREATE TABLE user_account (
    id            uuid        PRIMARY KEY,
    username      text        NOT NULL,
    -- E.164; null only for the admin account created from configuration
    phone         text        NULL,
    -- a slow salted hash, never the password
    password_hash text        NOT NULL,
    -- the lower-case wire names of the Role enum
    role          text        NOT NULL CHECK (role IN ('user', 'agent', 'admin')),
    created_at    timestamptz NOT NULL
);

-- usernames are unique without regard to case; lookups by username use this index too
CREATE UNIQUE INDEX user_account_username_lower_key ON user_account (lower(username));

-- NULLs are distinct in a unique index, so any number of admins without a phone are allowed
CREATE UNIQUE INDEX user_account_phone_key ON user_account (phone);
