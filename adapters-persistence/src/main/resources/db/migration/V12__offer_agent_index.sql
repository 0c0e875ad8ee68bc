-- GET /api/me/offers: an agent's own offers in every status, newest first, without scanning every agent's offers
CREATE INDEX offer_agent_idx ON offer (agent_id, created_at DESC, id);
