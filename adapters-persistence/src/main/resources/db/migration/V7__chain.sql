-- USDT on chain: deposit addresses, the deposits seen to them, where the deposit follower stopped, withdrawals and
-- the transfers signed for them, and the leases that keep the follower and the sender on one node at a time.

-- The ledger gains the withdrawal movements, and the FEES account, which has no user, as EXTERNAL has none.
ALTER TABLE ledger_movement
    DROP CONSTRAINT ledger_movement_kind_check,
    ADD CONSTRAINT ledger_movement_kind_check
        CHECK (kind IN ('DEPOSIT', 'LOCK', 'RELEASE', 'REFUND', 'WITHDRAWAL_HOLD', 'WITHDRAWAL', 'WITHDRAWAL_RETURN'));
ALTER TABLE ledger_entry
    DROP CONSTRAINT ledger_entry_account_check,
    ADD CONSTRAINT ledger_entry_account_check CHECK (account IN ('AVAILABLE', 'LOCKED', 'EXTERNAL', 'FEES')),
    DROP CONSTRAINT ledger_entry_check,
    ADD CONSTRAINT ledger_entry_check CHECK ((user_id IS NULL) = (account IN ('EXTERNAL', 'FEES')));

-- The child indexes of the deposit key (.../0/i), each handed out once, whichever node asks.
CREATE SEQUENCE deposit_address_index AS integer MINVALUE 0 START WITH 0 MAXVALUE 2147483647 NO CYCLE;

CREATE TABLE deposit_address (
    user_id     uuid        PRIMARY KEY REFERENCES user_account (id),
    child_index integer     NOT NULL UNIQUE CHECK (child_index >= 0),
    address     text        NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- One row per token transfer (transaction, log index) to a deposit address; credited once, never twice.
CREATE TABLE chain_deposit (
    tx_hash      text          NOT NULL,
    log_index    integer       NOT NULL,
    user_id      uuid          NOT NULL REFERENCES user_account (id),
    address      text          NOT NULL,
    amount       numeric(30,6) NOT NULL CHECK (amount > 0),
    block_number bigint        NOT NULL,
    block_hash   text          NOT NULL,
    status       text          NOT NULL CHECK (status IN ('PENDING', 'CREDITED')),
    seen_at      timestamptz   NOT NULL,
    credited_at  timestamptz   NULL,
    PRIMARY KEY (tx_hash, log_index),
    CHECK ((status = 'CREDITED') = (credited_at IS NOT NULL))
);

CREATE INDEX chain_deposit_user_idx ON chain_deposit (user_id, seen_at DESC);
-- the follower reads only the deposits still waiting for confirmations
CREATE INDEX chain_deposit_pending_idx ON chain_deposit (block_number) WHERE status = 'PENDING';

-- The blocks the follower read up to, with their hashes then: the newest is where it goes on, unless its hash changed.
CREATE TABLE chain_scanned_block (
    number bigint PRIMARY KEY,
    hash   text   NOT NULL
);

CREATE TABLE withdrawal (
    id              uuid          PRIMARY KEY,
    user_id         uuid          NOT NULL REFERENCES user_account (id),
    -- a retry with the same key finds this withdrawal
    idempotency_key text          NOT NULL,
    address         text          NOT NULL,
    amount          numeric(30,6) NOT NULL CHECK (amount > 0),
    fee             numeric(30,6) NOT NULL CHECK (fee >= 0),
    status          text          NOT NULL
        CHECK (status IN ('PENDING_APPROVAL', 'QUEUED', 'SENT', 'CONFIRMED', 'REJECTED', 'FAILED')),
    tx_hash         text          NULL,
    created_at      timestamptz   NOT NULL,
    sent_at         timestamptz   NULL,
    confirmed_at    timestamptz   NULL,
    CONSTRAINT withdrawal_idempotency_key UNIQUE (user_id, idempotency_key)
);

CREATE INDEX withdrawal_user_idx ON withdrawal (user_id, created_at DESC);
CREATE INDEX withdrawal_status_idx ON withdrawal (status, created_at DESC);

-- The transaction signed for a withdrawal, stored before it is broadcast and never replaced: after a crash the same
-- one goes out again. A sender's nonce belongs to one withdrawal, so two nodes can never spend it twice.
CREATE TABLE withdrawal_transfer (
    withdrawal_id uuid        PRIMARY KEY REFERENCES withdrawal (id),
    sender        text        NOT NULL,
    nonce         bigint      NOT NULL CHECK (nonce >= 0),
    tx_hash       text        NOT NULL UNIQUE,
    raw           text        NOT NULL,
    signed_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT withdrawal_transfer_nonce UNIQUE (sender, nonce)
);

-- Who runs the deposit follower and the withdrawal sender until when; another node takes over once it expires.
CREATE TABLE chain_lease (
    name       text        PRIMARY KEY,
    holder     text        NOT NULL,
    expires_at timestamptz NOT NULL
);
