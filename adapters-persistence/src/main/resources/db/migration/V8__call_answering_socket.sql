-- The callee's socket that answered a call: WebRTC signals go to and come from that device alone. A plain id,
-- not a reference: the socket's row goes when it disconnects, the call's record stays.
ALTER TABLE call_session ADD COLUMN answered_socket uuid NULL;
