ALTER TABLE "adverse_events" ADD COLUMN "retired_by_id" uuid;--> statement-breakpoint
ALTER TABLE "screenings" ADD COLUMN "retired_by_id" uuid;--> statement-breakpoint
ALTER TABLE "subject_notes" ADD COLUMN "retired_by_id" uuid;--> statement-breakpoint
ALTER TABLE "subjects" ADD COLUMN "exit_date" date;--> statement-breakpoint
ALTER TABLE "subjects" ADD COLUMN "exit_reason" text;--> statement-breakpoint
ALTER TABLE "subjects" ADD COLUMN "retired_by_id" uuid;--> statement-breakpoint
ALTER TABLE "visit_schedule_items" ADD COLUMN "retired_by_id" uuid;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "retired_by_id" uuid;--> statement-breakpoint
ALTER TABLE "adverse_events" ADD CONSTRAINT "adverse_events_retired_by_id_users_id_fk" FOREIGN KEY ("retired_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_retired_by_id_users_id_fk" FOREIGN KEY ("retired_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_notes" ADD CONSTRAINT "subject_notes_retired_by_id_users_id_fk" FOREIGN KEY ("retired_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subjects" ADD CONSTRAINT "subjects_retired_by_id_users_id_fk" FOREIGN KEY ("retired_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_schedule_items" ADD CONSTRAINT "visit_schedule_items_retired_by_id_users_id_fk" FOREIGN KEY ("retired_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_retired_by_id_users_id_fk" FOREIGN KEY ("retired_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subjects" ADD CONSTRAINT "subjects_exit_recorded" CHECK ("subjects"."status" NOT IN ('completed', 'lost_to_follow_up') OR ("subjects"."exit_date" IS NOT NULL AND length(trim(coalesce("subjects"."exit_reason", ''))) > 0));