/**
 * Every rule TrialDesk acts on by itself, as one table: trigger → recipients → message → task.
 * A change trigger fires in the transaction of the change (lib/write/road.ts calls
 * ./on-change.ts); a time trigger fires when the scheduler (./scheduler.ts) reaches its instant.
 * Each firing happens once per rule and key (./deliver.ts), whichever instance gets there first.
 *
 * Messages are read in the inbox and sent by email, which is not a secure channel: they name a
 * subject's code, a site and instants — never a name, a date of birth or typed free text.
 */
import { inArray } from "drizzle-orm";
import { adverseEvents } from "@/db/schema";
import { formatIsoDateForMessage } from "./wording";
import { aeCauses, signUpCauses, taskCauses, voidedSignatureCauses } from "./causes";
import { saeClock, screeningAwaitingSignOff, visitOverdue, visitReminderBefore, visitReminderDayOf, visitWindowClosing } from "./due";
import { atSiteTime, siteDate } from "./site-time";
import type { Cause, Rule } from "./types";
import { formatInstant } from "../format";

const HOUR = 3_600_000;
const when = (cause: Cause, instant: Date) => formatInstant(instant, cause.timeZone);
const subject = (cause: Cause) => `subject ${cause.subjectCode ?? "(unknown)"}`;
const at = (cause: Cause) => (cause.siteName ? ` at ${cause.siteName}` : "");
const clockEnds = (cause: Cause) => new Date(cause.awareAt!.getTime() + 24 * HOUR);
const ids = (rows: Record<string, unknown>[]) => rows.map((r) => String(r.id));

/** The sponsor's 24-hour clock of a serious AE, n hours in: who is told and what. */
function saeEscalation(hours: number, until: number, withAdmins: boolean): Rule {
  return {
    id: `sae.unnotified-${hours}h`,
    category: "safety",
    summary: `a serious AE's sponsor is still not notified ${hours} hours after awareness`,
    trigger: saeClock(hours, until),
    recipients: withAdmins ? ["pi", "siteCoordinators", "admins"] : ["pi", "siteCoordinators"],
    message: (c) => ({
      title: hours >= 24 ? `SAE reporting deadline passed: ${subject(c)}` : `SAE sponsor clock: ${24 - hours} hours left for ${subject(c)}`,
      body: `The sponsor has not been notified of a serious adverse event${at(c)}. The 24-hour deadline ${hours >= 24 ? "was" : "is"} ${when(c, clockEnds(c))}.`,
    }),
  };
}

export const RULES: readonly Rule[] = [
  {
    id: "sae.reported",
    category: "safety",
    summary: "a serious AE is reported (or an AE becomes serious)",
    trigger: {
      on: "change",
      entity: "adverse_event",
      when: (before, after) => after.serious === true && after.retiredAt == null && before?.serious !== true,
      causes: (tx, rows) => aeCauses(tx, inArray(adverseEvents.id, ids(rows))),
    },
    recipients: ["siteInvestigators", "pi"],
    message: (c) => ({
      title: `Serious adverse event reported: ${subject(c)}`,
      body: `Reported${at(c)}. Assess it and notify the sponsor by ${when(c, clockEnds(c))} (24 hours after awareness).`,
    }),
    task: { title: "Assess SAE", assignee: "pi", fallbackRole: "investigator", priority: "urgent", due: clockEnds },
  },
  saeEscalation(12, 20, false),
  saeEscalation(20, 24, false),
  saeEscalation(24, 72, true),
  {
    id: "signature.voided",
    category: "safety",
    summary: "a change voids an investigator's e-signature",
    trigger: {
      on: "change",
      entity: "signature",
      when: (before, after) => before !== null && before.voidedAt == null && after.voidedAt != null,
      causes: voidedSignatureCauses,
    },
    recipients: ["signer"],
    message: (c) => ({
      title: `Signature voided: ${subject(c)}`,
      body: `A change to the ${c.entity === "screening" ? "screening" : "adverse event"} you signed${at(c)} voided your signature. Review it and sign again.`,
    }),
    task: {
      title: "Re-review and sign",
      assignee: "signer",
      fallbackRole: "investigator",
      priority: "high",
      due: (_c, firedAt) => new Date(firedAt.getTime() + 48 * HOUR),
    },
  },
  {
    id: "visit.reminder-before",
    category: "visits",
    summary: "07:00 site time on the working day before a scheduled visit",
    trigger: visitReminderBefore,
    recipients: ["coordinator"],
    message: (c) => ({ title: `Visit coming up: ${subject(c)}`, body: `Scheduled${at(c)} for ${when(c, c.scheduledAt!)}.` }),
  },
  {
    id: "visit.reminder-day-of",
    category: "visits",
    summary: "07:00 site time on the day of a scheduled visit",
    trigger: visitReminderDayOf,
    recipients: ["coordinator"],
    message: (c) => ({ title: `Visit today: ${subject(c)}`, body: `Scheduled${at(c)} for ${when(c, c.scheduledAt!)}.` }),
  },
  {
    id: "visit.window-closing",
    category: "visits",
    summary: "a scheduled visit's protocol window closes within two days",
    trigger: visitWindowClosing,
    recipients: ["coordinator"],
    message: (c) => ({
      title: `Visit window closing: ${subject(c)}`,
      body: `The protocol window of a visit${at(c)} closes on ${formatIsoDateForMessage(c.windowEnd!)} and the visit is not completed.`,
    }),
  },
  {
    id: "visit.overdue",
    category: "visits",
    summary: "a visit is still scheduled after its window (or day) ended",
    trigger: visitOverdue,
    recipients: ["coordinator"],
    message: (c) => ({ title: `Visit overdue: ${subject(c)}`, body: `A visit${at(c)} was due ${when(c, c.scheduledAt!)}. Reschedule it or record it as missed.` }),
    task: {
      title: "Reschedule or record as missed",
      assignee: "coordinator",
      fallbackRole: "coordinator",
      priority: "high",
      due: (c, firedAt) => atSiteTime(siteDate(firedAt, c.timeZone), "17:00", c.timeZone),
    },
  },
  {
    id: "screening.awaiting-sign-off",
    category: "screening",
    summary: "a passed screening has waited two days for eligibility sign-off",
    trigger: screeningAwaitingSignOff,
    recipients: ["siteInvestigators"],
    message: (c) => ({
      title: `Eligibility sign-off waiting: ${subject(c)}`,
      body: `A passed screening${at(c)} has waited two days for an investigator to confirm eligibility.`,
    }),
  },
  {
    id: "user.sign-up",
    category: "admin",
    summary: "someone signs up and waits for approval",
    trigger: {
      on: "change",
      entity: "user",
      when: (before, after) => before === null && after.status === "pending",
      causes: async (_tx, rows) => signUpCauses(rows),
    },
    recipients: ["admins"],
    message: (c) => ({ title: `Sign-up waiting for approval: ${c.label}`, body: "Review the account, choose its role and site, and activate or disable it." }),
  },
  {
    id: "task.assigned",
    category: "tasks",
    summary: "a person assigns a task to someone else",
    trigger: {
      on: "change",
      entity: "task",
      when: (before, after) =>
        after.source === "person" && after.status === "open" && after.assigneeId != null && after.assigneeId !== before?.assigneeId,
      causes: taskCauses,
    },
    recipients: ["assignee"],
    message: (c) => ({
      title: c.subjectCode ? `Task assigned to you: ${subject(c)}` : "Task assigned to you",
      body: `A task${at(c)} is now yours, due ${when(c, c.scheduledAt!)}.`,
    }),
  },
];
