/**
 * The shape of a rule (lib/rules/table.ts declares them all): what sets it off, whom it tells,
 * what it says, and the task it leaves, if any.
 */
import type { Tx } from "@/db";
import type { NotificationCategory, TaskEntity, TaskPriority } from "@/db/schema";
import type { EntityName } from "../write/entities";

/** The record a firing is about, with what recipients, wording and timing are taken from. */
export type Cause = {
  entity: TaskEntity | "user" | "task";
  entityId: string;
  /** The app path the notification opens. */
  link: string;
  siteId: string | null;
  siteName: string | null;
  /** The site's IANA zone (UTC where there is no site): due instants are worded in it. */
  timeZone: string;
  studyId: string | null;
  subjectId: string | null;
  /** The subject's code in its study, e.g. "ONC-014" — the most a message may name. */
  subjectCode: string | null;
  /** People the record names: a study's PI, a visit's coordinator, a voided signature's signer, a task's assignee. */
  people: Partial<Record<PersonRecipient, string | null>>;
  /** Instants a rule times itself by (an AE's awareness, a visit's time, a screening's last change). */
  awareAt?: Date;
  scheduledAt?: Date;
  windowEnd?: string | null;
  since?: Date;
  /** What made it, when that is not the record itself (a voided signature, an assignment): keys its firing. */
  causeId?: string;
  /** A short label that is not clinical (a sign-up's username). */
  label?: string;
};

export type PersonRecipient = "pi" | "coordinator" | "signer" | "assignee";
/** Whom a rule tells: people by their part in the record, or everyone of a role (at the record's site). */
export type Recipient = PersonRecipient | "siteInvestigators" | "siteCoordinators" | "admins";

export type Message = { title: string; body: string };

export type TaskSpec = {
  title: string;
  /** One person the task is assigned to; when the record names nobody, the fallback role at the site. */
  assignee: PersonRecipient;
  fallbackRole: "coordinator" | "investigator";
  priority: TaskPriority;
  due: (cause: Cause, at: Date) => Date;
};

/** A change the write road makes: `when` decides from the row before (null: created) and after. */
export type ChangeTrigger = {
  on: "change";
  entity: EntityName;
  when: (before: Record<string, unknown> | null, after: Record<string, unknown>) => boolean;
  /** The causes of the matching rows, read in the writing transaction (one query for all of them). */
  causes: (tx: Tx, rows: Record<string, unknown>[]) => Promise<Cause[]>;
};

/** An instant the scheduler reaches: every firing now due, each with the key that makes it once-only. */
export type TimeTrigger = {
  on: "time";
  due: (tx: Tx, now: Date) => Promise<Firing[]>;
};

/** `key` tells this firing from every other of its rule (a record, and an instant where one record fires again). */
export type Firing = { cause: Cause; at: Date; key: string };

export type Rule = {
  /** Stable name: notifications and firings carry it; never reuse one for a different rule. */
  id: string;
  category: NotificationCategory;
  /** What it means in a sentence (README and docs list the table from these). */
  summary: string;
  trigger: ChangeTrigger | TimeTrigger;
  recipients: readonly Recipient[];
  message: (cause: Cause, at: Date) => Message;
  task?: TaskSpec;
};
