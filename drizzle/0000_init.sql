CREATE TYPE "public"."ae_outcome" AS ENUM('recovered', 'recovering', 'not_recovered', 'recovered_with_sequelae', 'fatal', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."ae_status" AS ENUM('open', 'follow_up', 'resolved', 'closed');--> statement-breakpoint
CREATE TYPE "public"."causality" AS ENUM('not_related', 'unlikely', 'possible', 'probable', 'definite');--> statement-breakpoint
CREATE TYPE "public"."expectedness" AS ENUM('expected', 'unexpected');--> statement-breakpoint
CREATE TYPE "public"."note_type" AS ENUM('call', 'visit', 'screening', 'consent', 'general');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('coordinator', 'investigator', 'sponsor', 'admin');--> statement-breakpoint
CREATE TYPE "public"."screening_status" AS ENUM('pending', 'passed', 'failed', 'rescreen');--> statement-breakpoint
CREATE TYPE "public"."seriousness_criterion" AS ENUM('death', 'life_threatening', 'hospitalization', 'disability', 'congenital_anomaly', 'other_important_medical_event');--> statement-breakpoint
CREATE TYPE "public"."severity" AS ENUM('mild', 'moderate', 'severe');--> statement-breakpoint
CREATE TYPE "public"."sex_at_birth" AS ENUM('female', 'male', 'undifferentiated', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."signature_entity" AS ENUM('adverse_event', 'screening');--> statement-breakpoint
CREATE TYPE "public"."study_status" AS ENUM('not_yet_recruiting', 'recruiting', 'active_not_recruiting', 'suspended', 'completed', 'terminated', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."subject_status" AS ENUM('screening', 'enrolled', 'screen_failed', 'completed', 'withdrawn', 'lost_to_follow_up');--> statement-breakpoint
CREATE TYPE "public"."token_kind" AS ENUM('session', 'personal');--> statement-breakpoint
CREATE TYPE "public"."user_status" AS ENUM('pending', 'active', 'disabled');--> statement-breakpoint
CREATE TYPE "public"."visit_status" AS ENUM('scheduled', 'completed', 'missed', 'canceled');--> statement-breakpoint
CREATE TYPE "public"."visit_type" AS ENUM('screening', 'baseline', 'treatment', 'follow_up', 'unscheduled', 'end_of_study');--> statement-breakpoint
CREATE TABLE "adverse_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"study_id" uuid NOT NULL,
	"event_term" text NOT NULL,
	"severity" "severity" NOT NULL,
	"serious" boolean NOT NULL,
	"seriousness_criteria" "seriousness_criterion"[] DEFAULT '{}' NOT NULL,
	"onset_date" date NOT NULL,
	"end_date" date,
	"status" "ae_status" DEFAULT 'open' NOT NULL,
	"reported_by_id" uuid NOT NULL,
	"grade" smallint,
	"outcome" "ae_outcome",
	"aware_at" timestamp with time zone NOT NULL,
	"sponsor_notified_at" timestamp with time zone,
	"causality" "causality",
	"expectedness" "expectedness",
	"assessed_by_id" uuid,
	"assessed_at" timestamp with time zone,
	"retired_at" timestamp with time zone,
	"retire_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "adverse_events_grade_range" CHECK ("adverse_events"."grade" IS NULL OR "adverse_events"."grade" BETWEEN 1 AND 5),
	CONSTRAINT "adverse_events_seriousness" CHECK (("adverse_events"."serious" AND cardinality("adverse_events"."seriousness_criteria") > 0) OR (NOT "adverse_events"."serious" AND cardinality("adverse_events"."seriousness_criteria") = 0)),
	CONSTRAINT "adverse_events_end_after_onset" CHECK ("adverse_events"."end_date" IS NULL OR "adverse_events"."end_date" >= "adverse_events"."onset_date")
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "token_kind" NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"last_used_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_username" text,
	"site_id" uuid,
	"entity" text NOT NULL,
	"entity_id" text,
	"action" text NOT NULL,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reason" text,
	"client_address" text,
	"prev_hash" text DEFAULT '' NOT NULL,
	"hash" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "e_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"entity" "signature_entity" NOT NULL,
	"entity_id" uuid NOT NULL,
	"signer_id" uuid NOT NULL,
	"printed_name" text NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"meaning" text NOT NULL,
	"content_hash" text NOT NULL,
	"voided_at" timestamp with time zone,
	"voided_by_id" uuid,
	"void_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "e_signatures_meaning" CHECK ("e_signatures"."meaning" IN ('Reviewed and assessed','Eligibility confirmed'))
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"window_start" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screenings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"study_id" uuid NOT NULL,
	"screening_status" "screening_status" NOT NULL,
	"screening_date" date NOT NULL,
	"completed_by_id" uuid NOT NULL,
	"notes" text,
	"fail_reason" text,
	"retired_at" timestamp with time zone,
	"retire_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "screenings_fail_reason" CHECK ("screenings"."screening_status" <> 'failed' OR length(trim(coalesce("screenings"."fail_reason", ''))) > 0)
);
--> statement-breakpoint
CREATE TABLE "sites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"timezone" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sites_name_not_blank" CHECK (length(trim("sites"."name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "studies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"protocol_id" text NOT NULL,
	"title" text NOT NULL,
	"status" "study_status" NOT NULL,
	"principal_investigator_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "studies_site_protocol_unique" UNIQUE("site_id","protocol_id"),
	CONSTRAINT "studies_id_site_unique" UNIQUE("id","site_id")
);
--> statement-breakpoint
CREATE TABLE "study_sponsor_access" (
	"study_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"granted_by_id" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "study_sponsor_access_study_id_user_id_pk" PRIMARY KEY("study_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "subject_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"study_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"note_type" "note_type" NOT NULL,
	"note_text" text NOT NULL,
	"retired_at" timestamp with time zone,
	"retire_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subject_notes_text_not_blank" CHECK (length(trim("subject_notes"."note_text")) > 0)
);
--> statement-breakpoint
CREATE TABLE "subjects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"subject_id" text NOT NULL,
	"full_name" text NOT NULL,
	"screening_status" "screening_status" DEFAULT 'pending' NOT NULL,
	"study_id" uuid NOT NULL,
	"coordinator_id" uuid NOT NULL,
	"dob" date,
	"sex_at_birth" "sex_at_birth",
	"consent_signed_at" timestamp with time zone,
	"status" "subject_status" DEFAULT 'screening' NOT NULL,
	"enrolled_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"withdrawal_reason" text,
	"retired_at" timestamp with time zone,
	"retire_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subjects_study_subject_unique" UNIQUE("study_id","subject_id"),
	CONSTRAINT "subjects_id_study_unique" UNIQUE("id","study_id"),
	CONSTRAINT "subjects_withdrawal_reason" CHECK ("subjects"."status" <> 'withdrawn' OR length(trim(coalesce("subjects"."withdrawal_reason", ''))) > 0)
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"email" text NOT NULL,
	"password" text NOT NULL,
	"role" "role" NOT NULL,
	"site_id" uuid,
	"status" "user_status" DEFAULT 'pending' NOT NULL,
	"display_name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_id_site_unique" UNIQUE("id","site_id"),
	CONSTRAINT "users_site_binding" CHECK ("users"."status" <> 'active' OR "users"."role" NOT IN ('coordinator','investigator') OR "users"."site_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "visit_schedule_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"study_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"visit_type" "visit_type" NOT NULL,
	"day_offset" integer NOT NULL,
	"window_before" integer DEFAULT 0 NOT NULL,
	"window_after" integer DEFAULT 0 NOT NULL,
	"sort_order" integer NOT NULL,
	"retired_at" timestamp with time zone,
	"retire_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "schedule_study_code_unique" UNIQUE("study_id","code"),
	CONSTRAINT "schedule_windows_non_negative" CHECK ("visit_schedule_items"."window_before" >= 0 AND "visit_schedule_items"."window_after" >= 0)
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"study_id" uuid NOT NULL,
	"visit_type" "visit_type" NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"visit_status" "visit_status" DEFAULT 'scheduled' NOT NULL,
	"location" text,
	"coordinator_id" uuid NOT NULL,
	"schedule_item_id" uuid,
	"window_start" date,
	"window_end" date,
	"completed_at" timestamp with time zone,
	"status_reason" text,
	"retired_at" timestamp with time zone,
	"retire_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visits_window_order" CHECK ("visits"."window_start" IS NULL OR "visits"."window_end" IS NULL OR "visits"."window_start" <= "visits"."window_end"),
	CONSTRAINT "visits_cancel_reason" CHECK ("visits"."visit_status" <> 'canceled' OR length(trim(coalesce("visits"."status_reason", ''))) > 0)
);
--> statement-breakpoint
ALTER TABLE "adverse_events" ADD CONSTRAINT "adverse_events_reported_by_id_users_id_fk" FOREIGN KEY ("reported_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adverse_events" ADD CONSTRAINT "adverse_events_assessed_by_id_users_id_fk" FOREIGN KEY ("assessed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adverse_events" ADD CONSTRAINT "adverse_events_subject_study_fk" FOREIGN KEY ("subject_id","study_id") REFERENCES "public"."subjects"("id","study_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adverse_events" ADD CONSTRAINT "adverse_events_study_site_fk" FOREIGN KEY ("study_id","site_id") REFERENCES "public"."studies"("id","site_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "e_signatures" ADD CONSTRAINT "e_signatures_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "e_signatures" ADD CONSTRAINT "e_signatures_signer_id_users_id_fk" FOREIGN KEY ("signer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "e_signatures" ADD CONSTRAINT "e_signatures_voided_by_id_users_id_fk" FOREIGN KEY ("voided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_completed_by_id_users_id_fk" FOREIGN KEY ("completed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_subject_study_fk" FOREIGN KEY ("subject_id","study_id") REFERENCES "public"."subjects"("id","study_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_study_site_fk" FOREIGN KEY ("study_id","site_id") REFERENCES "public"."studies"("id","site_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studies" ADD CONSTRAINT "studies_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studies" ADD CONSTRAINT "studies_pi_same_site_fk" FOREIGN KEY ("principal_investigator_id","site_id") REFERENCES "public"."users"("id","site_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_sponsor_access" ADD CONSTRAINT "study_sponsor_access_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_sponsor_access" ADD CONSTRAINT "study_sponsor_access_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_sponsor_access" ADD CONSTRAINT "study_sponsor_access_granted_by_id_users_id_fk" FOREIGN KEY ("granted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_notes" ADD CONSTRAINT "subject_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_notes" ADD CONSTRAINT "subject_notes_subject_study_fk" FOREIGN KEY ("subject_id","study_id") REFERENCES "public"."subjects"("id","study_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_notes" ADD CONSTRAINT "subject_notes_study_site_fk" FOREIGN KEY ("study_id","site_id") REFERENCES "public"."studies"("id","site_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subjects" ADD CONSTRAINT "subjects_coordinator_id_users_id_fk" FOREIGN KEY ("coordinator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subjects" ADD CONSTRAINT "subjects_study_site_fk" FOREIGN KEY ("study_id","site_id") REFERENCES "public"."studies"("id","site_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_schedule_items" ADD CONSTRAINT "visit_schedule_items_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_coordinator_id_users_id_fk" FOREIGN KEY ("coordinator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_schedule_item_id_visit_schedule_items_id_fk" FOREIGN KEY ("schedule_item_id") REFERENCES "public"."visit_schedule_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_subject_study_fk" FOREIGN KEY ("subject_id","study_id") REFERENCES "public"."subjects"("id","study_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_study_site_fk" FOREIGN KEY ("study_id","site_id") REFERENCES "public"."studies"("id","site_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "adverse_events_site_onset_idx" ON "adverse_events" USING btree ("site_id","onset_date");--> statement-breakpoint
CREATE INDEX "adverse_events_site_serious_idx" ON "adverse_events" USING btree ("site_id","serious","aware_at");--> statement-breakpoint
CREATE INDEX "adverse_events_site_status_idx" ON "adverse_events" USING btree ("site_id","status");--> statement-breakpoint
CREATE INDEX "adverse_events_study_idx" ON "adverse_events" USING btree ("study_id","serious","onset_date");--> statement-breakpoint
CREATE INDEX "adverse_events_subject_idx" ON "adverse_events" USING btree ("subject_id","onset_date");--> statement-breakpoint
CREATE INDEX "adverse_events_unassessed_idx" ON "adverse_events" USING btree ("site_id","serious","aware_at") WHERE "adverse_events"."assessed_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_unique" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_events_seq_unique" ON "audit_events" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity","entity_id","seq");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id","seq");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("action","seq");--> statement-breakpoint
CREATE INDEX "e_signatures_entity_idx" ON "e_signatures" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "e_signatures_one_live" ON "e_signatures" USING btree ("entity","entity_id") WHERE "e_signatures"."voided_at" IS NULL;--> statement-breakpoint
CREATE INDEX "screenings_subject_date_idx" ON "screenings" USING btree ("subject_id","screening_date");--> statement-breakpoint
CREATE INDEX "screenings_site_date_idx" ON "screenings" USING btree ("site_id","screening_date");--> statement-breakpoint
CREATE INDEX "screenings_study_status_idx" ON "screenings" USING btree ("study_id","screening_status","screening_date");--> statement-breakpoint
CREATE UNIQUE INDEX "sites_name_ci_unique" ON "sites" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "sponsor_access_user_idx" ON "study_sponsor_access" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "subject_notes_subject_created_idx" ON "subject_notes" USING btree ("subject_id","created_at");--> statement-breakpoint
CREATE INDEX "subjects_site_screening_idx" ON "subjects" USING btree ("site_id","screening_status","created_at");--> statement-breakpoint
CREATE INDEX "subjects_site_status_idx" ON "subjects" USING btree ("site_id","status");--> statement-breakpoint
CREATE INDEX "subjects_study_idx" ON "subjects" USING btree ("study_id","screening_status");--> statement-breakpoint
CREATE INDEX "subjects_coordinator_idx" ON "subjects" USING btree ("coordinator_id");--> statement-breakpoint
CREATE INDEX "subjects_site_name_idx" ON "subjects" USING btree ("site_id",lower("full_name"));--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_ci_unique" ON "users" USING btree (lower("username"));--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_ci_unique" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "users_site_role_idx" ON "users" USING btree ("site_id","role");--> statement-breakpoint
CREATE INDEX "users_status_idx" ON "users" USING btree ("status");--> statement-breakpoint
CREATE INDEX "schedule_study_order_idx" ON "visit_schedule_items" USING btree ("study_id","sort_order");--> statement-breakpoint
CREATE INDEX "visits_site_scheduled_idx" ON "visits" USING btree ("site_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "visits_site_status_scheduled_idx" ON "visits" USING btree ("site_id","visit_status","scheduled_at");--> statement-breakpoint
CREATE INDEX "visits_subject_scheduled_idx" ON "visits" USING btree ("subject_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "visits_study_status_scheduled_idx" ON "visits" USING btree ("study_id","visit_status","scheduled_at");--> statement-breakpoint
CREATE INDEX "visits_coordinator_scheduled_idx" ON "visits" USING btree ("coordinator_id","scheduled_at");