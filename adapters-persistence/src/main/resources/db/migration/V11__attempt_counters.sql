-- Attempts counted per key (failed logins of an account or an address, registrations of an address) and the
-- blocks they earn, shared by every node.
CREATE TABLE attempt_counter (
    key               text        PRIMARY KEY,
    attempts          integer     NOT NULL,
    window_started_at timestamptz NOT NULL,
    blocked_until     timestamptz NULL
);

CREATE INDEX attempt_counter_window_idx ON attempt_counter (window_started_at);

-- the cap on each user's unpaid orders and cancellations reads their orders by placer
CREATE INDEX trade_order_placer_idx ON trade_order (placed_by, status);
