/**
 * The whole TrialDesk data model (see docs/product.md, "Data model").
 *
 * Template fields keep their template names (camelCase in TypeScript, snake_case in SQL).
 * References are `<name>Id` columns. Controlled vocabularies are pgEnums, defined once here and
 * re-used by validation (lib/validation) and the UI.
 *
 * Site scoping: every clinical table carries `siteId` (denormalised from its study) so that the
 * policy's site filter is one indexed equality. Composite foreign keys make the copy impossible to
 * get wrong: (studyId, siteId) must match the study, and (subjectId, studyId) must match the
 * subject — which is also what enforces "a screening's study equals its subject's study".
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
// Relative, not "@/": drizzle-kit loads this file without the path alias.
import {
  ROLES,
  USER_STATUSES,
  STUDY_STATUSES,
  SCREENING_STATUSES,
  SEXES_AT_BIRTH,
  SUBJECT_STATUSES,
  VISIT_TYPES,
  VISIT_STATUSES,
  SEVERITIES,
  AE_STATUSES,
  AE_OUTCOMES,
  SERIOUSNESS_CRITERIA,
  CAUSALITIES,
  EXPECTEDNESS,
  NOTE_TYPES,
  SIGNATURE_ENTITIES,
  TOKEN_KINDS,
  TASK_ENTITIES,
  TASK_PRIORITIES,
  TASK_STATUSES,
  TASK_SOURCES,
  NOTIFICATION_CATEGORIES,
  DELIVERIES,
  OUTBOX_STATUSES,
} from "../domain/vocabulary";

// ---------------------------------------------------------------- vocabularies
// Defined in domain/vocabulary.ts (no imports: client components may use it without pulling these
// tables into the browser); re-exported so server code finds them beside their pgEnums.
export * from "../domain/vocabulary";

export const roleEnum = pgEnum("role", ROLES);
export const userStatusEnum = pgEnum("user_status", USER_STATUSES);
export const studyStatusEnum = pgEnum("study_status", STUDY_STATUSES);
export const screeningStatusEnum = pgEnum("screening_status", SCREENING_STATUSES);
export const sexAtBirthEnum = pgEnum("sex_at_birth", SEXES_AT_BIRTH);
export const subjectStatusEnum = pgEnum("subject_status", SUBJECT_STATUSES);
export const visitTypeEnum = pgEnum("visit_type", VISIT_TYPES);
export const visitStatusEnum = pgEnum("visit_status", VISIT_STATUSES);
export const severityEnum = pgEnum("severity", SEVERITIES);
export const aeStatusEnum = pgEnum("ae_status", AE_STATUSES);
export const aeOutcomeEnum = pgEnum("ae_outcome", AE_OUTCOMES);
export const seriousnessCriterionEnum = pgEnum("seriousness_criterion", SERIOUSNESS_CRITERIA);
export const causalityEnum = pgEnum("causality", CAUSALITIES);
export const expectednessEnum = pgEnum("expectedness", EXPECTEDNESS);
export const noteTypeEnum = pgEnum("note_type", NOTE_TYPES);
export const signatureEntityEnum = pgEnum("signature_entity", SIGNATURE_ENTITIES);
export const tokenKindEnum = pgEnum("token_kind", TOKEN_KINDS);
export const taskEntityEnum = pgEnum("task_entity", TASK_ENTITIES);
export const taskPriorityEnum = pgEnum("task_priority", TASK_PRIORITIES);
export const taskStatusEnum = pgEnum("task_status", TASK_STATUSES);
export const taskSourceEnum = pgEnum("task_source", TASK_SOURCES);
export const notificationCategoryEnum = pgEnum("notification_category", NOTIFICATION_CATEGORIES);
export const deliveryEnum = pgEnum("delivery", DELIVERIES);
export const outboxStatusEnum = pgEnum("outbox_status", OUTBOX_STATUSES);

// ---------------------------------------------------------------- shared columns
const id = () => uuid("id").primaryKey().defaultRandom();
const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
const version = () => integer("version").notNull().default(1);
/** Soft delete: clinical records are retired with a reason, never deleted. */
/** Entered in error: kept, out of lists and counts by default, with who retired it, when and why. */
const retired = () => ({
  retiredAt: timestamp("retired_at", { withTimezone: true }),
  retireReason: text("retire_reason"),
  retiredById: uuid("retired_by_id").references(() => users.id),
});

// ---------------------------------------------------------------- sites and people
export const sites = pgTable(
  "sites",
  {
    id: id(),
    name: text("name").notNull(),
    timezone: text("timezone").notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("sites_name_ci_unique").on(sql`lower(${t.name})`),
    check("sites_name_not_blank", sql`length(trim(${t.name})) > 0`),
  ],
);

export const users = pgTable(
  "users",
  {
    id: id(),
    username: text("username").notNull(),
    email: text("email").notNull(),
    /** argon2id hash; never selected by anything that answers a request. */
    password: text("password").notNull(),
    /** For a pending sign-up: the role they asked for; an admin confirms or changes it. */
    role: roleEnum("role").notNull(),
    /** `siteName` of the template, normalised: coordinators and investigators belong to one site. */
    siteId: uuid("site_id").references(() => sites.id),
    status: userStatusEnum("status").notNull().default("pending"),
    displayName: text("display_name").notNull(),
    /** Set by an admin's password reset: the person must choose a new password before anything else. */
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_username_ci_unique").on(sql`lower(${t.username})`),
    uniqueIndex("users_email_ci_unique").on(sql`lower(${t.email})`),
    index("users_site_role_idx").on(t.siteId, t.role),
    index("users_status_idx").on(t.status),
    // An active site-bound role must have a site; sponsors and admins are not bound to one.
    check(
      "users_site_binding",
      sql`${t.status} <> 'active' OR ${t.role} NOT IN ('coordinator','investigator') OR ${t.siteId} IS NOT NULL`,
    ),
    unique("users_id_site_unique").on(t.id, t.siteId),
  ],
);

/**
 * Web sessions (lib/auth/sessions.ts): the Auth.js cookie names one row, which decides on every
 * request whether the session stands — not ended, at most 12 hours since sign-in, seen within the
 * idle timeout. Bookkeeping, not a record: sign-in and sign-out are audited as events. A trigger
 * (drizzle/0006) ends a person's sessions when their password, status, role or site changes.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    /** "logout", "account_changed" (the trigger), … */
    endReason: text("end_reason"),
    /** The session's first e-signature: later ones ask only for the password (21 CFR 11.200(a)(1)). */
    signedAt: timestamp("signed_at", { withTimezone: true }),
    clientAddress: text("client_address"),
  },
  (t) => [index("user_sessions_user_live_idx").on(t.userId).where(sql`${t.endedAt} is null`)],
);

// ---------------------------------------------------------------- studies
export const studies = pgTable(
  "studies",
  {
    id: id(),
    protocolId: text("protocol_id").notNull(),
    title: text("title").notNull(),
    status: studyStatusEnum("status").notNull(),
    principalInvestigatorId: uuid("principal_investigator_id").notNull(),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("studies_site_protocol_unique").on(t.siteId, t.protocolId),
    unique("studies_id_site_unique").on(t.id, t.siteId),
    // The principal investigator belongs to the study's site.
    foreignKey({
      name: "studies_pi_same_site_fk",
      columns: [t.principalInvestigatorId, t.siteId],
      foreignColumns: [users.id, users.siteId],
    }),
  ],
);

/** Sponsor access: which sponsor users may see which studies (de-identified). */
export const studySponsorAccess = pgTable(
  "study_sponsor_access",
  {
    studyId: uuid("study_id")
      .notNull()
      .references(() => studies.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    grantedById: uuid("granted_by_id").references(() => users.id),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
    /** Revoking keeps the row (and the audit trail) — access history is part of the record. */
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.studyId, t.userId] }), index("sponsor_access_user_idx").on(t.userId)],
);

/** The protocol's planned visits, in order; enrolling a subject turns them into visits. */
export const visitScheduleItems = pgTable(
  "visit_schedule_items",
  {
    id: id(),
    studyId: uuid("study_id")
      .notNull()
      .references(() => studies.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    visitType: visitTypeEnum("visit_type").notNull(),
    /** Days from the anchor date (enrollment). */
    dayOffset: integer("day_offset").notNull(),
    windowBefore: integer("window_before").notNull().default(0),
    windowAfter: integer("window_after").notNull().default(0),
    sortOrder: integer("sort_order").notNull(),
    ...retired(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("schedule_study_code_unique").on(t.studyId, t.code),
    index("schedule_study_order_idx").on(t.studyId, t.sortOrder),
    check("schedule_windows_non_negative", sql`${t.windowBefore} >= 0 AND ${t.windowAfter} >= 0`),
  ],
);

// ---------------------------------------------------------------- subjects
export const subjects = pgTable(
  "subjects",
  {
    id: id(),
    siteId: uuid("site_id").notNull(),
    /** The study's own subject identifier, e.g. "ONC-014" (template `subjectId`). */
    subjectId: text("subject_id").notNull(),
    fullName: text("full_name").notNull(),
    screeningStatus: screeningStatusEnum("screening_status").notNull().default("pending"),
    studyId: uuid("study_id").notNull(),
    coordinatorId: uuid("coordinator_id")
      .notNull()
      .references(() => users.id),
    dob: date("dob", { mode: "string" }),
    sexAtBirth: sexAtBirthEnum("sex_at_birth"),
    consentSignedAt: timestamp("consent_signed_at", { withTimezone: true }),
    status: subjectStatusEnum("status").notNull().default("screening"),
    enrolledAt: timestamp("enrolled_at", { withTimezone: true }),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawalReason: text("withdrawal_reason"),
    /** Site-local day the subject completed the study, or was last seen before being lost to follow-up. */
    exitDate: date("exit_date", { mode: "string" }),
    /** Why the subject completed or was lost to follow-up (withdrawal keeps its own reason). */
    exitReason: text("exit_reason"),
    ...retired(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("subjects_study_subject_unique").on(t.studyId, t.subjectId),
    unique("subjects_id_study_unique").on(t.id, t.studyId),
    foreignKey({
      name: "subjects_study_site_fk",
      columns: [t.studyId, t.siteId],
      foreignColumns: [studies.id, studies.siteId],
    }),
    index("subjects_site_screening_idx").on(t.siteId, t.screeningStatus, t.createdAt),
    index("subjects_site_status_idx").on(t.siteId, t.status),
    // The API's default order (by Subject ID within the site).
    index("subjects_site_subject_idx").on(t.siteId, t.subjectId),
    index("subjects_study_idx").on(t.studyId, t.screeningStatus),
    index("subjects_coordinator_idx").on(t.coordinatorId),
    index("subjects_site_name_idx").on(t.siteId, sql`lower(${t.fullName})`),
    check(
      "subjects_withdrawal_reason",
      sql`${t.status} <> 'withdrawn' OR length(trim(coalesce(${t.withdrawalReason}, ''))) > 0`,
    ),
    check(
      "subjects_exit_recorded",
      sql`${t.status} NOT IN ('completed', 'lost_to_follow_up') OR (${t.exitDate} IS NOT NULL AND length(trim(coalesce(${t.exitReason}, ''))) > 0)`,
    ),
  ],
);

export const screenings = pgTable(
  "screenings",
  {
    id: id(),
    siteId: uuid("site_id").notNull(),
    subjectId: uuid("subject_id").notNull(),
    studyId: uuid("study_id").notNull(),
    screeningStatus: screeningStatusEnum("screening_status").notNull(),
    screeningDate: date("screening_date", { mode: "string" }).notNull(),
    completedById: uuid("completed_by_id")
      .notNull()
      .references(() => users.id),
    notes: text("notes"),
    failReason: text("fail_reason"),
    ...retired(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: "screenings_subject_study_fk",
      columns: [t.subjectId, t.studyId],
      foreignColumns: [subjects.id, subjects.studyId],
    }),
    foreignKey({
      name: "screenings_study_site_fk",
      columns: [t.studyId, t.siteId],
      foreignColumns: [studies.id, studies.siteId],
    }),
    index("screenings_subject_date_idx").on(t.subjectId, t.screeningDate),
    index("screenings_site_date_idx").on(t.siteId, t.screeningDate),
    // Sponsors (by granted study) and admins (all sites) page screenings by date too.
    index("screenings_study_date_idx").on(t.studyId, t.screeningDate),
    index("screenings_date_idx").on(t.screeningDate),
    index("screenings_study_status_idx").on(t.studyId, t.screeningStatus, t.screeningDate),
    check(
      "screenings_fail_reason",
      sql`${t.screeningStatus} <> 'failed' OR length(trim(coalesce(${t.failReason}, ''))) > 0`,
    ),
  ],
);

export const visits = pgTable(
  "visits",
  {
    id: id(),
    siteId: uuid("site_id").notNull(),
    subjectId: uuid("subject_id").notNull(),
    studyId: uuid("study_id").notNull(),
    visitType: visitTypeEnum("visit_type").notNull(),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }).notNull(),
    visitStatus: visitStatusEnum("visit_status").notNull().default("scheduled"),
    location: text("location"),
    coordinatorId: uuid("coordinator_id")
      .notNull()
      .references(() => users.id),
    /** The protocol visit this fulfils (null for unscheduled visits). */
    scheduleItemId: uuid("schedule_item_id").references(() => visitScheduleItems.id),
    /** Protocol window in site-local calendar days, inclusive. */
    windowStart: date("window_start", { mode: "string" }),
    windowEnd: date("window_end", { mode: "string" }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    /** Why it was canceled or marked missed. */
    statusReason: text("status_reason"),
    ...retired(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: "visits_subject_study_fk",
      columns: [t.subjectId, t.studyId],
      foreignColumns: [subjects.id, subjects.studyId],
    }),
    foreignKey({
      name: "visits_study_site_fk",
      columns: [t.studyId, t.siteId],
      foreignColumns: [studies.id, studies.siteId],
    }),
    index("visits_site_scheduled_idx").on(t.siteId, t.scheduledAt),
    // With the id, a page of the calendar or the API (ordered by time, then id) is an index range
    // read in order: no sort of the whole week.
    index("visits_site_status_scheduled_idx").on(t.siteId, t.visitStatus, t.scheduledAt, t.id),
    index("visits_subject_scheduled_idx").on(t.subjectId, t.scheduledAt),
    index("visits_study_status_scheduled_idx").on(t.studyId, t.visitStatus, t.scheduledAt),
    index("visits_coordinator_scheduled_idx").on(t.coordinatorId, t.scheduledAt),
    check(
      "visits_window_order",
      sql`${t.windowStart} IS NULL OR ${t.windowEnd} IS NULL OR ${t.windowStart} <= ${t.windowEnd}`,
    ),
    check(
      "visits_cancel_reason",
      sql`${t.visitStatus} <> 'canceled' OR length(trim(coalesce(${t.statusReason}, ''))) > 0`,
    ),
  ],
);

export const adverseEvents = pgTable(
  "adverse_events",
  {
    id: id(),
    siteId: uuid("site_id").notNull(),
    subjectId: uuid("subject_id").notNull(),
    studyId: uuid("study_id").notNull(),
    eventTerm: text("event_term").notNull(),
    severity: severityEnum("severity").notNull(),
    serious: boolean("serious").notNull(),
    seriousnessCriteria: seriousnessCriterionEnum("seriousness_criteria")
      .array()
      .notNull()
      .default(sql`'{}'`),
    onsetDate: date("onset_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }),
    status: aeStatusEnum("status").notNull().default("open"),
    reportedById: uuid("reported_by_id")
      .notNull()
      .references(() => users.id),
    /** CTCAE grade 1–5. */
    grade: smallint("grade"),
    outcome: aeOutcomeEnum("outcome"),
    /** When the site learnt of the event: the 24-hour sponsor clock of a serious AE starts here. */
    awareAt: timestamp("aware_at", { withTimezone: true }).notNull(),
    sponsorNotifiedAt: timestamp("sponsor_notified_at", { withTimezone: true }),
    causality: causalityEnum("causality"),
    expectedness: expectednessEnum("expectedness"),
    assessedById: uuid("assessed_by_id").references(() => users.id),
    assessedAt: timestamp("assessed_at", { withTimezone: true }),
    ...retired(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: "adverse_events_subject_study_fk",
      columns: [t.subjectId, t.studyId],
      foreignColumns: [subjects.id, subjects.studyId],
    }),
    foreignKey({
      name: "adverse_events_study_site_fk",
      columns: [t.studyId, t.siteId],
      foreignColumns: [studies.id, studies.siteId],
    }),
    check("adverse_events_grade_range", sql`${t.grade} IS NULL OR ${t.grade} BETWEEN 1 AND 5`),
    check(
      "adverse_events_seriousness",
      sql`(${t.serious} AND cardinality(${t.seriousnessCriteria}) > 0) OR (NOT ${t.serious} AND cardinality(${t.seriousnessCriteria}) = 0)`,
    ),
    check(
      "adverse_events_end_after_onset",
      sql`${t.endDate} IS NULL OR ${t.endDate} >= ${t.onsetDate}`,
    ),
    index("adverse_events_site_onset_idx").on(t.siteId, t.onsetDate),
    index("adverse_events_site_serious_idx").on(t.siteId, t.serious, t.awareAt),
    index("adverse_events_site_status_idx").on(t.siteId, t.status),
    index("adverse_events_study_idx").on(t.studyId, t.serious, t.onsetDate),
    index("adverse_events_subject_idx").on(t.subjectId, t.onsetDate),
    index("adverse_events_unassessed_idx")
      .on(t.siteId, t.serious, t.awareAt)
      .where(sql`${t.assessedAt} IS NULL`),
  ],
);

export const subjectNotes = pgTable(
  "subject_notes",
  {
    id: id(),
    siteId: uuid("site_id").notNull(),
    subjectId: uuid("subject_id").notNull(),
    /** Denormalised from the subject so notes filter by study without a join. */
    studyId: uuid("study_id").notNull(),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    noteType: noteTypeEnum("note_type").notNull(),
    noteText: text("note_text").notNull(),
    ...retired(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: "subject_notes_subject_study_fk",
      columns: [t.subjectId, t.studyId],
      foreignColumns: [subjects.id, subjects.studyId],
    }),
    foreignKey({
      name: "subject_notes_study_site_fk",
      columns: [t.studyId, t.siteId],
      foreignColumns: [studies.id, studies.siteId],
    }),
    index("subject_notes_subject_created_idx").on(t.subjectId, t.createdAt),
    // Site-wide and per-study note lists (API), newest first.
    index("subject_notes_site_created_idx").on(t.siteId, t.createdAt),
    index("subject_notes_study_created_idx").on(t.studyId, t.createdAt),
    check("subject_notes_text_not_blank", sql`length(trim(${t.noteText})) > 0`),
  ],
);

// ---------------------------------------------------------------- signatures
/** 21 CFR Part 11 electronic signatures (AE assessment, screening eligibility). */
export const eSignatures = pgTable(
  "e_signatures",
  {
    id: id(),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    entity: signatureEntityEnum("entity").notNull(),
    entityId: uuid("entity_id").notNull(),
    signerId: uuid("signer_id")
      .notNull()
      .references(() => users.id),
    printedName: text("printed_name").notNull(),
    signedAt: timestamp("signed_at", { withTimezone: true }).notNull().defaultNow(),
    meaning: text("meaning").notNull(),
    /** sha-256 of the canonical signed content: a later change no longer matches. */
    contentHash: text("content_hash").notNull(),
    voidedAt: timestamp("voided_at", { withTimezone: true }),
    voidedById: uuid("voided_by_id").references(() => users.id),
    voidReason: text("void_reason"),
    createdAt: createdAt(),
  },
  (t) => [
    index("e_signatures_entity_idx").on(t.entity, t.entityId),
    // At most one live signature per record.
    uniqueIndex("e_signatures_one_live")
      .on(t.entity, t.entityId)
      .where(sql`${t.voidedAt} IS NULL`),
    check("e_signatures_meaning", sql`${t.meaning} IN ('Reviewed and assessed','Eligibility confirmed')`),
  ],
);

// ---------------------------------------------------------------- audit trail
/**
 * Append-only and hash-chained. The chain (prevHash, hash, seq) is computed by a BEFORE INSERT
 * trigger inside the database (see drizzle/0001_audit_guard.sql), and UPDATE/DELETE/TRUNCATE are
 * refused by triggers, so neither the app nor a stray SQL session can rewrite history unnoticed.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: id(),
    /**
     * The order events were written in (a sequence, set by the insert trigger; the default only
     * satisfies NOT NULL). Paging and history sort by it. The chain's own order is the seals'
     * (auditSeals.chainSeq): a transaction that commits late is sealed late.
     */
    seq: bigint("seq", { mode: "number" }).notNull().default(0),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id").references(() => users.id),
    /** Kept as text as well: failed logins name a username that may not exist. */
    actorUsername: text("actor_username"),
    siteId: uuid("site_id").references(() => sites.id),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    action: text("action").notNull(),
    /** `{ field: [old, new] }` for each changed field; never a password or token. */
    changes: jsonb("changes").$type<Record<string, [unknown, unknown]>>().notNull().default({}),
    reason: text("reason"),
    clientAddress: text("client_address"),
    /** Events written before the sealer (key_version 0 and 1): the chain link, kept on the row. Empty since. */
    prevHash: text("prev_hash").notNull().default(""),
    hash: text("hash").notNull().default(""),
    /**
     * How the event is hashed: 2 = its own HMAC (`rowHash`) at insert, chained later by a seal
     * (drizzle/0007); 1 = HMAC-SHA256 chained at insert (drizzle/0005); 0 = plain SHA-256, chained
     * at insert, only on events written before the key existed.
     */
    keyVersion: smallint("key_version").notNull().default(0),
    /** HMAC-SHA256 under AUDIT_KEY of the event's columns, set at insert (key_version 2). */
    rowHash: text("row_hash"),
    /** The writing transaction's id (pg_current_xact_id): the sealer seals only finished ones. */
    tx: bigint("tx", { mode: "number" }),
  },
  (t) => [
    uniqueIndex("audit_events_seq_unique").on(t.seq),
    index("audit_events_entity_idx").on(t.entity, t.entityId, t.seq),
    index("audit_events_actor_idx").on(t.actorId, t.seq),
    index("audit_events_at_idx").on(t.at),
    index("audit_events_action_idx").on(t.action, t.seq),
    index("audit_events_tx_idx").on(t.tx),
  ],
);

/**
 * The audit chain (drizzle/0007): one seal per event, in the order the sealer
 * (lib/audit/sealer.ts) took them, each linking the event's own hash to the seal before it.
 * Append-only like the events. Events written before the sealer have seals copied from their
 * own chain columns (same chainSeq as their seq, same hashes).
 */
export const auditSeals = pgTable(
  "audit_seals",
  {
    chainSeq: bigint("chain_seq", { mode: "number" }).primaryKey(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => auditEvents.id),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
    /** The sealing pass's horizon: every transaction below it had finished, and its events are sealed. */
    horizon: bigint("horizon", { mode: "number" }).notNull(),
    sealedAt: timestamp("sealed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("audit_seals_event_unique").on(t.eventId)],
);

/**
 * The last seal whose chain was verified (its chain seq and hash), so the audit page verifies only
 * what was written since (lib/audit/verify.ts). One row; losing it only means verifying from the
 * start again. `npm run audit:verify -- --full` ignores it.
 */
export const auditCheckpoints = pgTable("audit_checkpoints", {
  id: text("id").primaryKey().default("chain"),
  seq: bigint("seq", { mode: "number" }).notNull(),
  hash: text("hash").notNull(),
  verifiedAt: timestamp("verified_at", { withTimezone: true }).notNull().defaultNow(),
});

// ---------------------------------------------------------------- API tokens and limits
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    kind: tokenKindEnum("kind").notNull(),
    name: text("name").notNull(),
    /** sha-256 of the token; the token itself is shown once and never stored. */
    tokenHash: text("token_hash").notNull(),
    /** First characters, to let a person recognise a token in the list. */
    prefix: text("prefix").notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("api_tokens_hash_unique").on(t.tokenHash), index("api_tokens_user_idx").on(t.userId)],
);

/** Fixed-window counters shared by every app instance (login throttling, API limits). */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
});

// ---------------------------------------------------------------- follow-up (issue 11)
/**
 * A follow-up task at a site: made by a person, or by a rule (lib/rules) in the transaction of the
 * change that caused it. Assigned to one active user of the site or to a role there. Closed as
 * done or dismissed with a reason; never deleted (the audit trail keeps every step).
 */
export const tasks = pgTable(
  "tasks",
  {
    id: id(),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id),
    /** The study it concerns (none for a site-wide task); lists filter by it. */
    studyId: uuid("study_id").references(() => studies.id),
    /** The subject it concerns, so the subject's timeline shows it. */
    subjectId: uuid("subject_id").references(() => subjects.id),
    entity: taskEntityEnum("entity").notNull(),
    entityId: uuid("entity_id").notNull(),
    title: text("title").notNull(),
    details: text("details"),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    assigneeId: uuid("assignee_id"),
    assigneeRole: roleEnum("assignee_role"),
    priority: taskPriorityEnum("priority").notNull().default("normal"),
    status: taskStatusEnum("status").notNull().default("open"),
    dismissReason: text("dismiss_reason"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedById: uuid("closed_by_id").references(() => users.id),
    source: taskSourceEnum("source").notNull(),
    /** The rule and cause that made it (null for a person's task): unique, one task per cause. */
    ruleKey: text("rule_key"),
    createdById: uuid("created_by_id").references(() => users.id),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("tasks_rule_key_unique").on(t.ruleKey),
    // The assignee belongs to the task's site.
    foreignKey({ name: "tasks_assignee_same_site_fk", columns: [t.assigneeId, t.siteId], foreignColumns: [users.id, users.siteId] }),
    index("tasks_site_status_due_idx").on(t.siteId, t.status, t.dueAt, t.id),
    index("tasks_assignee_status_due_idx").on(t.assigneeId, t.status, t.dueAt),
    index("tasks_subject_status_due_idx").on(t.subjectId, t.status, t.dueAt),
    index("tasks_entity_idx").on(t.entity, t.entityId),
    check("tasks_one_assignee", sql`(${t.assigneeId} IS NULL) <> (${t.assigneeRole} IS NULL)`),
    check("tasks_assignee_role_site_bound", sql`${t.assigneeRole} IS NULL OR ${t.assigneeRole} IN ('coordinator','investigator')`),
    check("tasks_title_not_blank", sql`length(trim(${t.title})) > 0`),
    check("tasks_dismiss_reason", sql`${t.status} <> 'dismissed' OR length(trim(coalesce(${t.dismissReason}, ''))) > 0`),
    check("tasks_rule_source", sql`(${t.source} = 'rule') = (${t.ruleKey} IS NOT NULL)`),
  ],
);

/**
 * One person's inbox item. Raised by a rule (lib/rules) in the transaction of its cause, at most once
 * per person and cause (`causeKey`), so two app instances or a rerun scheduler never raise it twice.
 * The title and body may name a record's code, never a subject's name or clinical free text.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    siteId: uuid("site_id").references(() => sites.id),
    category: notificationCategoryEnum("category").notNull(),
    /** The rule that raised it, e.g. "sae.reported". */
    rule: text("rule").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    entity: text("entity").notNull(),
    entityId: uuid("entity_id").notNull(),
    subjectId: uuid("subject_id"),
    /** The app path it opens. */
    link: text("link").notNull(),
    causeKey: text("cause_key").notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    /** Sent in a daily digest email (for a category the person chose a digest for). */
    digestedAt: timestamp("digested_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("notifications_user_cause_unique").on(t.userId, t.causeKey),
    index("notifications_user_created_idx").on(t.userId, t.createdAt, t.id),
    index("notifications_user_unread_idx")
      .on(t.userId, t.createdAt)
      .where(sql`${t.readAt} IS NULL`),
  ],
);

/**
 * Email waiting to go out, written in the transaction of the change that caused it (lib/mail). A
 * dispatcher claims due rows with FOR UPDATE SKIP LOCKED and a short lease (`lockedUntil`), sends,
 * and marks them sent; failures back off and, after too many, park the row as dead.
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: id(),
    userId: uuid("user_id").references(() => users.id),
    notificationId: uuid("notification_id").references(() => notifications.id),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    /** One email per cause (a notification, a day's digest): a rerun never queues it twice. */
    causeKey: text("cause_key").notNull(),
    status: outboxStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("email_outbox_cause_unique").on(t.causeKey),
    index("email_outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("email_outbox_created_idx").on(t.createdAt, t.id),
  ],
);

/** How each category reaches a person; no row = the category's default (lib/notifications/preferences). */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    category: notificationCategoryEnum("category").notNull(),
    delivery: deliveryEnum("delivery").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.category] })],
);

/**
 * A person's calendar subscription. The secret in its URL is derived from `id` with the server's
 * secret (HMAC), so nothing secret is stored; revoking sets `revokedAt`, regenerating makes a new row.
 */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("calendar_feeds_user_idx").on(t.userId)],
);

/**
 * Each rule firing (a rule, a record, an instant) once: inserted with ON CONFLICT DO NOTHING in the
 * transaction that delivers it, so a second app instance or a rerun finds it taken.
 */
export const ruleFirings = pgTable("rule_firings", {
  key: text("key").primaryKey(),
  rule: text("rule").notNull(),
  firedAt: timestamp("fired_at", { withTimezone: true }).notNull().defaultNow(),
});

// ---------------------------------------------------------------- inferred types
export type Site = typeof sites.$inferSelect;
export type User = typeof users.$inferSelect;
export type Study = typeof studies.$inferSelect;
export type VisitScheduleItem = typeof visitScheduleItems.$inferSelect;
export type Subject = typeof subjects.$inferSelect;
export type Screening = typeof screenings.$inferSelect;
export type Visit = typeof visits.$inferSelect;
export type AdverseEvent = typeof adverseEvents.$inferSelect;
export type SubjectNote = typeof subjectNotes.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type ESignature = typeof eSignatures.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;
export type Task = typeof tasks.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
export type OutboxEmail = typeof emailOutbox.$inferSelect;
