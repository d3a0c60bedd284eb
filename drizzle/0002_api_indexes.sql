DROP INDEX "visits_site_status_scheduled_idx";--> statement-breakpoint
CREATE INDEX "screenings_study_date_idx" ON "screenings" USING btree ("study_id","screening_date");--> statement-breakpoint
CREATE INDEX "screenings_date_idx" ON "screenings" USING btree ("screening_date");--> statement-breakpoint
CREATE INDEX "subject_notes_site_created_idx" ON "subject_notes" USING btree ("site_id","created_at");--> statement-breakpoint
CREATE INDEX "subject_notes_study_created_idx" ON "subject_notes" USING btree ("study_id","created_at");--> statement-breakpoint
CREATE INDEX "subjects_site_subject_idx" ON "subjects" USING btree ("site_id","subject_id");--> statement-breakpoint
CREATE INDEX "visits_site_status_scheduled_idx" ON "visits" USING btree ("site_id","visit_status","scheduled_at","id");