CREATE TABLE "audit_checkpoints" (
	"id" text PRIMARY KEY DEFAULT 'chain' NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"verified_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "key_version" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- The chain is keyed (issue 12, finding 6): every new row's hash is HMAC-SHA256 under AUDIT_KEY, a
-- key the database never stores, so whoever can rewrite the table (its owner, a superuser, a copy
-- of the files) cannot recompute the hashes after a change. The app hands the key to each of its
-- own sessions as the setting trialdesk.audit_hmac — the key's two HMAC pads, hex, inner then outer,
-- 64 bytes each (db/audit-key.ts) — and a session without it cannot append. Rows written before this
-- migration keep their plain SHA-256 (key_version 0) and still verify; lib/audit/verify.ts refuses a
-- plain row after a keyed one. The message is the same JSON array audit_event_hash() hashes.
CREATE OR REPLACE FUNCTION audit_event_hmac(
  p_id uuid, p_seq bigint, p_at timestamptz, p_actor_id uuid, p_actor_username text, p_site_id uuid,
  p_entity text, p_entity_id text, p_action text, p_changes jsonb, p_reason text,
  p_client_address text, p_prev_hash text
) RETURNS text LANGUAGE plpgsql STABLE AS $$
DECLARE
  pads text := current_setting('trialdesk.audit_hmac', true);
BEGIN
  IF pads IS NULL OR length(pads) <> 256 OR pads !~ '^[0-9a-f]+$' THEN
    RAISE EXCEPTION 'the audit key is not set on this connection (AUDIT_KEY)' USING ERRCODE = '55000';
  END IF;
  RETURN encode(sha256(decode(substr(pads, 129, 128), 'hex') || sha256(decode(substr(pads, 1, 128), 'hex') ||
    convert_to(jsonb_build_array(
      p_id, p_seq, to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), p_actor_id,
      p_actor_username, p_site_id, p_entity, p_entity_id, p_action, p_changes, p_reason,
      p_client_address, p_prev_hash
    )::text, 'UTF8'))), 'hex');
END
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
  NEW.key_version := 1;
  NEW.hash := audit_event_hmac(NEW.id, NEW.seq, NEW.at, NEW.actor_id, NEW.actor_username, NEW.site_id,
    NEW.entity, NEW.entity_id, NEW.action, NEW.changes, NEW.reason, NEW.client_address, NEW.prev_hash);
  RETURN NEW;
END
$$;
