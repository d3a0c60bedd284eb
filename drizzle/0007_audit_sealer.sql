CREATE TABLE "audit_seals" (
	"chain_seq" bigint PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"horizon" bigint NOT NULL,
	"sealed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "row_hash" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "tx" bigint;--> statement-breakpoint
ALTER TABLE "audit_seals" ADD CONSTRAINT "audit_seals_event_id_audit_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."audit_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_seals_event_unique" ON "audit_seals" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "audit_events_tx_idx" ON "audit_events" USING btree ("tx");--> statement-breakpoint
-- The audit chain off the writers' critical path (issue 13). Until now every audited write took
-- one advisory lock in the insert trigger and held it to commit, so writers of every instance
-- queued on it. Now an event gets, at insert and without any lock, its number (`seq`, a sequence),
-- the database clock, its writing transaction (`tx`) and its own keyed hash (`row_hash`); a
-- sealer (lib/audit/sealer.ts, every half second in each app instance, one at a time by a try-lock)
-- chains the events of finished transactions into `audit_seals`, each seal linking the event's
-- hash to the previous seal. Both tables are append-only; the app role may only INSERT and SELECT.
CREATE SEQUENCE IF NOT EXISTS "audit_events_seq_counter" AS bigint;
--> statement-breakpoint
SELECT setval('audit_events_seq_counter', (SELECT max(seq) FROM audit_events)) WHERE EXISTS (SELECT FROM audit_events);
--> statement-breakpoint
-- HMAC-SHA256 of a message under AUDIT_KEY, whose pads the app hands each of its sessions (0005).
CREATE OR REPLACE FUNCTION audit_hmac(p_message text) RETURNS text LANGUAGE plpgsql STABLE AS $$
DECLARE
  pads text := current_setting('trialdesk.audit_hmac', true);
BEGIN
  IF pads IS NULL OR length(pads) <> 256 OR pads !~ '^[0-9a-f]+$' THEN
    RAISE EXCEPTION 'the audit key is not set on this connection (AUDIT_KEY)' USING ERRCODE = '55000';
  END IF;
  RETURN encode(sha256(decode(substr(pads, 129, 128), 'hex') || sha256(decode(substr(pads, 1, 128), 'hex') || convert_to(p_message, 'UTF8'))), 'hex');
END
$$;
--> statement-breakpoint
-- An event's own hash: every column a reader relies on, and its number.
CREATE OR REPLACE FUNCTION audit_row_hmac(
  p_id uuid, p_seq bigint, p_at timestamptz, p_actor_id uuid, p_actor_username text, p_site_id uuid,
  p_entity text, p_entity_id text, p_action text, p_changes jsonb, p_reason text, p_client_address text
) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT audit_hmac(jsonb_build_array(
    'event', p_id, p_seq, to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), p_actor_id,
    p_actor_username, p_site_id, p_entity, p_entity_id, p_action, p_changes, p_reason, p_client_address
  )::text)
$$;
--> statement-breakpoint
-- A seal's hash: its place in the chain, the previous seal's hash and the event's own hash.
CREATE OR REPLACE FUNCTION audit_link_hmac(p_chain_seq bigint, p_prev_hash text, p_row_hash text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT audit_hmac(jsonb_build_array('seal', p_chain_seq, p_prev_hash, p_row_hash)::text)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.seq := nextval('audit_events_seq_counter');
  NEW.at := now(); -- the database clock, whatever the client says
  NEW.tx := pg_current_xact_id()::text::bigint;
  NEW.key_version := 2;
  NEW.prev_hash := '';
  NEW.hash := '';
  NEW.row_hash := audit_row_hmac(NEW.id, NEW.seq, NEW.at, NEW.actor_id, NEW.actor_username, NEW.site_id,
    NEW.entity, NEW.entity_id, NEW.action, NEW.changes, NEW.reason, NEW.client_address);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = '42501';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_seals_no_update_delete BEFORE UPDATE OR DELETE ON audit_seals
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_seals_no_truncate BEFORE TRUNCATE ON audit_seals
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON audit_seals FROM PUBLIC;
--> statement-breakpoint
-- Events chained at insert (before this migration) keep their links: each becomes a seal with the
-- same place and hashes, so one chain runs from the first event to the newest seal.
INSERT INTO audit_seals (chain_seq, event_id, prev_hash, hash, horizon)
  SELECT seq, id, prev_hash, hash, 0 FROM audit_events ORDER BY seq;
--> statement-breakpoint
-- One sealing pass; -1 when another session is sealing. Seals, in `seq` order, the events of every
-- transaction below the horizon — the oldest transaction still running, so each of those has
-- committed (its events visible) or rolled back (none) and can add nothing more — that no earlier
-- pass sealed: those are the ones at or above the last pass's horizon. A transaction that commits
-- late is sealed late, after events numbered higher; the chain's order is the seals'.
CREATE OR REPLACE FUNCTION audit_seal() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  v_horizon bigint;
  v_floor bigint;
  v_seq bigint;
  v_hash text;
  v_next text;
  r record;
  n integer := 0;
BEGIN
  IF NOT pg_try_advisory_xact_lock(7270002) THEN
    RETURN -1;
  END IF;
  v_horizon := pg_snapshot_xmin(pg_current_snapshot())::text::bigint;
  SELECT s.chain_seq, s.hash, s.horizon INTO v_seq, v_hash, v_floor FROM audit_seals s ORDER BY s.chain_seq DESC LIMIT 1;
  v_seq := coalesce(v_seq, 0);
  v_hash := coalesce(v_hash, repeat('0', 64));
  v_floor := coalesce(v_floor, 0);
  FOR r IN
    SELECT e.id, e.row_hash FROM audit_events e
    WHERE e.tx >= v_floor AND e.tx < v_horizon
      AND NOT EXISTS (SELECT FROM audit_seals s WHERE s.event_id = e.id)
    ORDER BY e.seq
  LOOP
    v_seq := v_seq + 1;
    v_next := audit_link_hmac(v_seq, v_hash, r.row_hash);
    INSERT INTO audit_seals (chain_seq, event_id, prev_hash, hash, horizon) VALUES (v_seq, r.id, v_hash, v_next, v_horizon);
    v_hash := v_next;
    n := n + 1;
  END LOOP;
  RETURN n;
END
$$;
