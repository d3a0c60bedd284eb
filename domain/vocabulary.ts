/**
 * The controlled vocabularies of TrialDesk: every closed list of values a record may hold.
 *
 * This module imports nothing, so anything may import it — the database schema (which turns each
 * list into a pgEnum), validation, server code and client components alike — without pulling the
 * Drizzle tables into the browser bundle. Add a value here and generate a migration
 * (`npm run db:generate`).
 */
export const ROLES = ["coordinator", "investigator", "sponsor", "admin"] as const;
export const USER_STATUSES = ["pending", "active", "disabled"] as const;
export const STUDY_STATUSES = [
  "not_yet_recruiting",
  "recruiting",
  "active_not_recruiting",
  "suspended",
  "completed",
  "terminated",
  "withdrawn",
] as const;
export const SCREENING_STATUSES = ["pending", "passed", "failed", "rescreen"] as const;
export const SEXES_AT_BIRTH = ["female", "male", "undifferentiated", "unknown"] as const;
export const SUBJECT_STATUSES = ["screening", "enrolled", "screen_failed", "completed", "withdrawn", "lost_to_follow_up"] as const;
export const VISIT_TYPES = ["screening", "baseline", "treatment", "follow_up", "unscheduled", "end_of_study"] as const;
export const VISIT_STATUSES = ["scheduled", "completed", "missed", "canceled"] as const;
export const SEVERITIES = ["mild", "moderate", "severe"] as const;
export const AE_STATUSES = ["open", "follow_up", "resolved", "closed"] as const;
export const AE_OUTCOMES = ["recovered", "recovering", "not_recovered", "recovered_with_sequelae", "fatal", "unknown"] as const;
export const SERIOUSNESS_CRITERIA = [
  "death",
  "life_threatening",
  "hospitalization",
  "disability",
  "congenital_anomaly",
  "other_important_medical_event",
] as const;
export const CAUSALITIES = ["not_related", "unlikely", "possible", "probable", "definite"] as const;
export const EXPECTEDNESS = ["expected", "unexpected"] as const;
export const NOTE_TYPES = ["call", "visit", "screening", "consent", "general"] as const;
export const SIGNATURE_ENTITIES = ["adverse_event", "screening"] as const;
export const SIGNATURE_MEANINGS = ["Reviewed and assessed", "Eligibility confirmed"] as const;
export const TOKEN_KINDS = ["session", "personal"] as const;
/** Follow-up tasks (issue 11): what a task is about, how urgent, where it stands, who made it. */
export const TASK_ENTITIES = ["subject", "visit", "adverse_event", "screening", "study"] as const;
export const TASK_PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export const TASK_STATUSES = ["open", "done", "dismissed"] as const;
export const TASK_SOURCES = ["person", "rule"] as const;
/** What a notification is about; each person chooses per category how it reaches them. */
export const NOTIFICATION_CATEGORIES = ["safety", "visits", "screening", "tasks", "admin"] as const;
/** In the inbox only, in the inbox and by email at once, or in the inbox and a daily email digest. */
export const DELIVERIES = ["in_app", "email", "digest"] as const;
/** An email in the outbox: waiting (or retrying), delivered, or parked after too many failures. */
export const OUTBOX_STATUSES = ["pending", "sent", "dead"] as const;

export type Role = (typeof ROLES)[number];
export type UserStatus = (typeof USER_STATUSES)[number];
export type StudyStatus = (typeof STUDY_STATUSES)[number];
export type ScreeningStatus = (typeof SCREENING_STATUSES)[number];
export type SexAtBirth = (typeof SEXES_AT_BIRTH)[number];
export type SubjectStatus = (typeof SUBJECT_STATUSES)[number];
export type VisitType = (typeof VISIT_TYPES)[number];
export type VisitStatus = (typeof VISIT_STATUSES)[number];
export type Severity = (typeof SEVERITIES)[number];
export type AeStatus = (typeof AE_STATUSES)[number];
export type AeOutcome = (typeof AE_OUTCOMES)[number];
export type SeriousnessCriterion = (typeof SERIOUSNESS_CRITERIA)[number];
export type Causality = (typeof CAUSALITIES)[number];
export type Expectedness = (typeof EXPECTEDNESS)[number];
export type NoteType = (typeof NOTE_TYPES)[number];
export type SignatureEntity = (typeof SIGNATURE_ENTITIES)[number];
export type SignatureMeaning = (typeof SIGNATURE_MEANINGS)[number];
export type TokenKind = (typeof TOKEN_KINDS)[number];
export type TaskEntity = (typeof TASK_ENTITIES)[number];
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
export type TaskStatus = (typeof TASK_STATUSES)[number];
export type TaskSource = (typeof TASK_SOURCES)[number];
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];
export type Delivery = (typeof DELIVERIES)[number];
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
