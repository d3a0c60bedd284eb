CREATE TABLE "user_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"signed_at" timestamp with time zone,
	"client_address" text
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "user_sessions_user_live_idx" ON "user_sessions" USING btree ("user_id") WHERE "user_sessions"."ended_at" is null;--> statement-breakpoint
-- A person's web sessions end when their password, status, role or site changes — by the app or
-- by any other path (issue 12, finding 4). The session that changes its own password names itself
-- in the transaction-local setting trialdesk.keep_session (lib/auth/sessions.ts) and stays.
CREATE OR REPLACE FUNCTION users_end_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE user_sessions SET ended_at = now(), end_reason = 'account_changed'
  WHERE user_id = NEW.id AND ended_at IS NULL
    AND id::text IS DISTINCT FROM nullif(current_setting('trialdesk.keep_session', true), '');
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER users_end_sessions AFTER UPDATE OF password, status, role, site_id ON users
  FOR EACH ROW
  WHEN (OLD.password IS DISTINCT FROM NEW.password OR OLD.status IS DISTINCT FROM NEW.status
     OR OLD.role IS DISTINCT FROM NEW.role OR OLD.site_id IS DISTINCT FROM NEW.site_id)
  EXECUTE FUNCTION users_end_sessions();
