-- Files uploaded to a room (payment proofs, photos, PDFs). Their bytes are in attachment_blob, or on a disk with
-- ATTACHMENT_DIR. An upload no message and no appeal uses is deleted an hour later.
CREATE TABLE attachment (
    id             uuid        PRIMARY KEY,
    room_id        uuid        NOT NULL REFERENCES chat_room (id),
    uploader_id    uuid        NOT NULL REFERENCES user_account (id),
    kind           text        NOT NULL CHECK (kind IN ('IMAGE', 'FILE')),
    -- the type the content was found to be, which it is served as
    mime           text        NOT NULL,
    name           text        NOT NULL,
    size           bigint      NOT NULL CHECK (size >= 0),
    width          integer     NULL,
    height         integer     NULL,
    thumbnail_mime text        NULL,
    created_at     timestamptz NOT NULL,
    -- the one message it was sent in
    message_id     uuid        NULL REFERENCES message (id),
    -- the order whose appeal points to it as evidence
    evidence_of    uuid        NULL REFERENCES trade_order (id)
);

-- the collector reads the unused ones, oldest first, from this index alone
CREATE INDEX attachment_unused_idx ON attachment (created_at) WHERE message_id IS NULL AND evidence_of IS NULL;

-- The bytes when PostgreSQL keeps them (the default): every node serves every file, and a backup holds them all.
CREATE TABLE attachment_blob (
    -- no foreign key: the store is keyed by id alone, as a disk or an object store would be
    attachment_id uuid  NOT NULL,
    variant       text  NOT NULL CHECK (variant IN ('ORIGINAL', 'THUMBNAIL')),
    bytes         bytea NOT NULL,
    PRIMARY KEY (attachment_id, variant)
);

-- JPEG, PNG, WebP and most PDFs are compressed already: TOAST stores them without trying again
ALTER TABLE attachment_blob ALTER COLUMN bytes SET STORAGE EXTERNAL;

-- The bytes each user uploaded each day (UTC), against ATTACHMENT_DAILY_BYTES; past days are deleted.
CREATE TABLE upload_quota (
    user_id uuid   NOT NULL REFERENCES user_account (id),
    day     date   NOT NULL,
    bytes   bigint NOT NULL CHECK (bytes >= 0),
    PRIMARY KEY (user_id, day)
);

-- A copy of the descriptions of a message's attachments (a JSON array; null for none): they never change once
-- sent, so every read of a message has them without a join.
ALTER TABLE message ADD COLUMN attachments jsonb NULL;

-- The same for an appeal's evidence.
ALTER TABLE trade_order ADD COLUMN appeal_attachments jsonb NULL;

-- "is an order of this room under appeal", asked when an admin opens one of its files
CREATE INDEX trade_order_room_appeal_idx ON trade_order (room_id) WHERE status = 'APPEAL';
