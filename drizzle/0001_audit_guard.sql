-- The audit trail is append-only and hash-chained, enforced by the database itself.
-- The hash covers every column of the row and the previous row's hash, so altering, removing or
-- re-ordering any row breaks the chain at that row; `npm run audit:verify` recomputes it.
CREATE OR REPLACE FUNCTION audit_event_hash(
  p_id uuid, p_seq bigint, p_at timestamptz, p_actor_id uuid, p_actor_username text, p_site_id uuid,
  p_entity text, p_entity_id text, p_action text, p_changes jsonb, p_reason text,
  p_client_address text, p_prev_hash text
) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(jsonb_build_array(
    p_id, p_seq, to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), p_actor_id,
    p_actor_username, p_site_id, p_entity, p_entity_id, p_action, p_changes, p_reason,
    p_client_address, p_prev_hash
  )::text, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_hash text;
  last_seq bigint;
BEGIN
  -- One writer at a time extends the chain; held until the writing transaction ends.
  PERFORM pg_advisory_xact_lock(7270002);
  SELECT e.hash, e.seq INTO last_hash, last_seq FROM audit_events e ORDER BY e.seq DESC LIMIT 1;
  NEW.seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
  NEW.at := now(); -- the database clock, whatever the client says
  NEW.hash := audit_event_hash(NEW.id, NEW.seq, NEW.at, NEW.actor_id, NEW.actor_username, NEW.site_id,
    NEW.entity, NEW.entity_id, NEW.action, NEW.changes, NEW.reason, NEW.client_address, NEW.prev_hash);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_chain();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = '42501';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
-- Not enough alone (the app may connect as the owner), hence the triggers; but it documents intent
-- and holds for any non-owner role.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM PUBLIC;
