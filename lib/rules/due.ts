/**
 * What the scheduler finds due: each time-based rule's candidates, read in a bounded window around
 * now (so a tick costs the same however old the data), each with the instant it is due at. A firing
 * older than its rule's useful life is let go (a reminder after the visit, an escalation overtaken by
 * the next one), which also keeps a restart after a long stop from raising stale alarms.
 */
import { and, between, eq, gt, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { adverseEvents, screenings, visits } from "@/db/schema";
import { addDaysIso, startOfLocalDay } from "../dates";
import { hasLiveSignature } from "../signatures/live";
import { aeCauses, screeningCauses, visitCauses } from "./causes";
import { atSiteTime, previousWorkingDay, siteDate } from "./site-time";
import type { Firing, TimeTrigger } from "./types";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const utcDay = (instant: Date) => instant.toISOString().slice(0, 10);
const due = (at: Date, now: Date, until: Date) => at <= now && now < until;
const trigger = (find: (tx: Tx, now: Date) => Promise<Firing[]>): TimeTrigger => ({ on: "time", due: find });

/** A serious AE's sponsor clock at `hours` after awareness, while the sponsor is not notified; due until `until` hours. */
export function saeClock(hours: number, until: number): TimeTrigger {
  return trigger(async (tx, now) => {
    const causes = await aeCauses(
      tx,
      and(
        eq(adverseEvents.serious, true),
        isNull(adverseEvents.sponsorNotifiedAt),
        isNull(adverseEvents.retiredAt),
        lte(adverseEvents.awareAt, new Date(now.getTime() - hours * HOUR)),
        gt(adverseEvents.awareAt, new Date(now.getTime() - until * HOUR)),
      )!,
    );
    return causes.map((cause) => ({ cause, at: new Date(cause.awareAt!.getTime() + hours * HOUR), key: cause.entityId }));
  });
}

/** Scheduled visits in the coming days (reminders). */
const upcomingVisits = (tx: Tx, now: Date) =>
  visitCauses(
    tx,
    and(eq(visits.visitStatus, "scheduled"), isNull(visits.retiredAt), gt(visits.scheduledAt, now), lte(visits.scheduledAt, new Date(now.getTime() + 5 * DAY)))!,
  );

/** 07:00 site time on the working day before the visit — unless the day's own reminder is due too. */
export const visitReminderBefore = trigger(async (tx, now) =>
  (await upcomingVisits(tx, now)).flatMap((cause) => {
    const day = siteDate(cause.scheduledAt!, cause.timeZone);
    const at = atSiteTime(previousWorkingDay(day), "07:00", cause.timeZone);
    const dayOf = atSiteTime(day, "07:00", cause.timeZone);
    return due(at, now, dayOf) ? [{ cause, at, key: `${cause.entityId}:${cause.scheduledAt!.toISOString()}` }] : [];
  }),
);

/** 07:00 site time on the visit's day, if the visit is later than that. */
export const visitReminderDayOf = trigger(async (tx, now) =>
  (await upcomingVisits(tx, now)).flatMap((cause) => {
    const at = atSiteTime(siteDate(cause.scheduledAt!, cause.timeZone), "07:00", cause.timeZone);
    return due(at, now, cause.scheduledAt!) ? [{ cause, at, key: `${cause.entityId}:${cause.scheduledAt!.toISOString()}` }] : [];
  }),
);

/** A scheduled visit whose protocol window closes within two days: from 07:00 two days before its last day. */
export const visitWindowClosing = trigger(async (tx, now) => {
  const causes = await visitCauses(
    tx,
    and(
      eq(visits.visitStatus, "scheduled"),
      isNull(visits.retiredAt),
      isNotNull(visits.windowEnd),
      between(visits.windowEnd, utcDay(new Date(now.getTime() - DAY)), utcDay(new Date(now.getTime() + 3 * DAY))),
    )!,
  );
  return causes.flatMap((cause) => {
    const at = atSiteTime(addDaysIso(cause.windowEnd!, -2), "07:00", cause.timeZone);
    const until = startOfLocalDay(addDaysIso(cause.windowEnd!, 1), cause.timeZone);
    return due(at, now, until) ? [{ cause, at, key: `${cause.entityId}:${cause.windowEnd}` }] : [];
  });
});

/** A visit still "scheduled" after its window (or, without one, its day) ended: from 07:00 the next day, for a week. */
export const visitOverdue = trigger(async (tx, now) => {
  const causes = await visitCauses(
    tx,
    and(
      eq(visits.visitStatus, "scheduled"),
      isNull(visits.retiredAt),
      lte(visits.scheduledAt, now),
      or(
        between(visits.windowEnd, utcDay(new Date(now.getTime() - 9 * DAY)), utcDay(now)),
        and(isNull(visits.windowEnd), gt(visits.scheduledAt, new Date(now.getTime() - 9 * DAY))),
      ),
    )!,
  );
  return causes.flatMap((cause) => {
    const last = cause.windowEnd ?? siteDate(cause.scheduledAt!, cause.timeZone);
    const at = atSiteTime(addDaysIso(last, 1), "07:00", cause.timeZone);
    return due(at, now, new Date(at.getTime() + 7 * DAY)) ? [{ cause, at, key: `${cause.entityId}:${last}` }] : [];
  });
});

/** A passed screening with no standing eligibility signature, two days after it last changed; for a week. */
export const screeningAwaitingSignOff = trigger(async (tx, now) => {
  const causes = await screeningCauses(
    tx,
    and(
      eq(screenings.screeningStatus, "passed"),
      isNull(screenings.retiredAt),
      sql`not ${hasLiveSignature("screening", screenings.id)}`,
      lte(screenings.updatedAt, new Date(now.getTime() - 2 * DAY)),
      gt(screenings.updatedAt, new Date(now.getTime() - 9 * DAY)),
    )!,
  );
  return causes.map((cause) => ({ cause, at: new Date(cause.since!.getTime() + 2 * DAY), key: `${cause.entityId}:${cause.since!.toISOString()}` }));
});
