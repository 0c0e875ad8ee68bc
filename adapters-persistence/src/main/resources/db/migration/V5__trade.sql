-- Offers, orders and the double-entry ledger of USDT. Amounts are NUMERIC: USDT with 6 decimals, fiat with 2.

CREATE TABLE offer (
    id                     uuid          PRIMARY KEY,
    agent_id               uuid          NOT NULL REFERENCES user_account (id),
    side                   text          NOT NULL CHECK (side IN ('SELL', 'BUY')),
    fiat_currency          text          NOT NULL,
    price                  numeric(20,2) NOT NULL CHECK (price > 0),
    min_usdt               numeric(30,6) NOT NULL CHECK (min_usdt > 0),
    max_usdt               numeric(30,6) NOT NULL,
    payment_methods        text[]        NOT NULL,
    payment_window_minutes integer       NOT NULL CHECK (payment_window_minutes BETWEEN 5 AND 120),
    terms                  text          NOT NULL,
    status                 text          NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED', 'CLOSED')),
    created_at             timestamptz   NOT NULL,
    CHECK (min_usdt <= max_usdt)
);

-- the listing: active offers of one side and currency in price order
CREATE INDEX offer_listing_idx ON offer (side, fiat_currency, price) WHERE status = 'ACTIVE';

CREATE TABLE trade_order (
    id                     uuid          PRIMARY KEY,
    offer_id               uuid          NOT NULL REFERENCES offer (id),
    room_id                uuid          NOT NULL REFERENCES chat_room (id),
    buyer_id               uuid          NOT NULL REFERENCES user_account (id),
    seller_id              uuid          NOT NULL REFERENCES user_account (id),
    -- the user who placed it and the key they sent: a retry with the same key finds this order
    placed_by              uuid          NOT NULL REFERENCES user_account (id),
    idempotency_key        text          NOT NULL,
    usdt_amount            numeric(30,6) NOT NULL CHECK (usdt_amount > 0),
    price                  numeric(20,2) NOT NULL,
    fiat_amount            numeric(24,2) NOT NULL,
    fiat_currency          text          NOT NULL,
    status                 text          NOT NULL
        CHECK (status IN ('PENDING_PAYMENT', 'PAID', 'APPEAL', 'COMPLETED', 'CANCELLED', 'REFUNDED')),
    payment_window_ends_at timestamptz   NOT NULL,
    paid_at                timestamptz   NULL,
    completed_at           timestamptz   NULL,
    cancelled_at           timestamptz   NULL,
    appeal_by              uuid          NULL REFERENCES user_account (id),
    appeal_reason          text          NULL,
    appeal_opened_at       timestamptz   NULL,
    created_at             timestamptz   NOT NULL,
    updated_at             timestamptz   NOT NULL,
    CONSTRAINT trade_order_idempotency_key UNIQUE (placed_by, idempotency_key),
    CHECK (buyer_id <> seller_id)
);

CREATE INDEX trade_order_buyer_idx ON trade_order (buyer_id, created_at DESC);
CREATE INDEX trade_order_seller_idx ON trade_order (seller_id, created_at DESC);
CREATE INDEX trade_order_status_idx ON trade_order (status, created_at DESC);
-- the payment-window timer reads only the orders still waiting
CREATE INDEX trade_order_payment_due_idx ON trade_order (payment_window_ends_at) WHERE status = 'PENDING_PAYMENT';

-- every step of an order, with who took it (null: the server) and when
CREATE TABLE trade_order_audit (
    order_id uuid        NOT NULL REFERENCES trade_order (id),
    step     integer     NOT NULL,
    status   text        NOT NULL,
    actor_id uuid        NULL REFERENCES user_account (id),
    at       timestamptz NOT NULL,
    PRIMARY KEY (order_id, step)
);

-- A balanced set of entries: a deposit, a lock into escrow, a release or a refund.
CREATE TABLE ledger_movement (
    id         uuid        PRIMARY KEY,
    kind       text        NOT NULL CHECK (kind IN ('DEPOSIT', 'LOCK', 'RELEASE', 'REFUND')),
    order_id   uuid        NULL REFERENCES trade_order (id),
    -- a deposit's chain reference; unique, so that crediting the same deposit twice does nothing
    reference  text        NULL UNIQUE,
    created_at timestamptz NOT NULL
);

-- The entries of one movement sum to zero, so all entries do. A user's account is (user_id, AVAILABLE | LOCKED);
-- the one EXTERNAL account, the chain's side of deposits, has no user.
CREATE TABLE ledger_entry (
    id          bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    movement_id uuid          NOT NULL REFERENCES ledger_movement (id),
    user_id     uuid          NULL REFERENCES user_account (id),
    account     text          NOT NULL CHECK (account IN ('AVAILABLE', 'LOCKED', 'EXTERNAL')),
    amount      numeric(30,6) NOT NULL CHECK (amount <> 0),
    CHECK ((user_id IS NULL) = (account = 'EXTERNAL'))
);

CREATE INDEX ledger_entry_user_idx ON ledger_entry (user_id, id DESC);
CREATE INDEX ledger_entry_movement_idx ON ledger_entry (movement_id);

-- Each user's balances, kept in step with their entries in the same transaction; never negative.
CREATE TABLE wallet (
    user_id   uuid          PRIMARY KEY REFERENCES user_account (id),
    available numeric(30,6) NOT NULL DEFAULT 0 CHECK (available >= 0),
    locked    numeric(30,6) NOT NULL DEFAULT 0 CHECK (locked >= 0)
);
