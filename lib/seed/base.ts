/**
 * The demo's setup records: sites, accounts, studies, visit schedules and sponsor access. Every
 * account shares one password hash, computed once by the caller (argon2id is slow on purpose).
 */
import { randomUUID } from "node:crypto";
import type { DbOrTx } from "@/db";
import { sites, studies, studySponsorAccess, users, visitScheduleItems } from "@/db/schema";
import type { SeedContext, SiteCtx, StudyCtx } from "./context";
import { localDay } from "./dates";
import { demoEmail, SITE_DEFS, USER_DEFS, type SiteKey } from "./people";
import { STUDY_DEFS } from "./studies";

export type BaseCounts = {
  sites: number;
  users: number;
  studies: number;
  visitScheduleItems: number;
  studySponsorAccess: number;
};

export async function insertBase(
  db: DbOrTx,
  opts: { passwordHash: string; now: Date },
): Promise<{ context: SeedContext; counts: BaseCounts }> {
  const { now, passwordHash } = opts;
  const siteIds = new Map<SiteKey, string>(SITE_DEFS.map((s) => [s.key, randomUUID()]));
  const userIds = new Map<string, string>(USER_DEFS.map((u) => [u.username, randomUUID()]));
  const idOf = <K>(map: Map<K, string>, key: K): string => {
    const id = map.get(key);
    if (!id) throw new Error(`demo data refers to unknown ${String(key)}`);
    return id;
  };

  await db.insert(sites).values(
    SITE_DEFS.map((s) => ({ id: idOf(siteIds, s.key), name: s.name, timezone: s.timezone })),
  );
  await db.insert(users).values(
    USER_DEFS.map((u) => ({
      id: idOf(userIds, u.username),
      username: u.username,
      email: demoEmail(u.username),
      password: passwordHash,
      role: u.role,
      siteId: u.site ? idOf(siteIds, u.site) : null,
      status: u.status,
      displayName: u.displayName,
    })),
  );

  const siteCtx = new Map<SiteKey, SiteCtx>(
    SITE_DEFS.map((s) => {
      const staff = (role: string) =>
        USER_DEFS.filter((u) => u.site === s.key && u.role === role && u.status === "active").map((u) =>
          idOf(userIds, u.username),
        );
      return [
        s.key,
        {
          id: idOf(siteIds, s.key),
          name: s.name,
          timezone: s.timezone,
          region: s.region,
          today: localDay(now, s.timezone),
          coordinatorIds: staff("coordinator"),
          investigatorIds: staff("investigator"),
          locations: s.locations,
        },
      ];
    }),
  );

  const studyCtx: StudyCtx[] = STUDY_DEFS.map((d) => {
    const site = siteCtx.get(d.site);
    if (!site) throw new Error(`unknown site ${d.site}`);
    return {
      id: randomUUID(),
      protocolId: d.protocolId,
      subjectPrefix: d.subjectPrefix,
      area: d.area,
      piId: idOf(userIds, d.piUsername),
      site,
      schedule: d.schedule.map((item) => ({ ...item, id: randomUUID() })),
    };
  });

  await db.insert(studies).values(
    STUDY_DEFS.map((d, i) => {
      const ctx = studyCtx[i] as StudyCtx;
      return {
        id: ctx.id,
        protocolId: d.protocolId,
        title: d.title,
        status: d.status,
        principalInvestigatorId: ctx.piId,
        siteId: ctx.site.id,
      };
    }),
  );
  const scheduleRows = studyCtx.flatMap((study) =>
    study.schedule.map((item, sortOrder) => ({
      id: item.id,
      studyId: study.id,
      code: item.code,
      name: item.name,
      visitType: item.visitType,
      dayOffset: item.dayOffset,
      windowBefore: item.windowBefore,
      windowAfter: item.windowAfter,
      sortOrder: sortOrder + 1,
    })),
  );
  await db.insert(visitScheduleItems).values(scheduleRows);
  const accessRows = STUDY_DEFS.flatMap((d, i) =>
    d.sponsored
      ? [
          {
            studyId: (studyCtx[i] as StudyCtx).id,
            userId: idOf(userIds, "sponsor1"),
            grantedById: idOf(userIds, "admin"),
          },
        ]
      : [],
  );
  await db.insert(studySponsorAccess).values(accessRows);

  return {
    context: { now, sites: [...siteCtx.values()], studies: studyCtx },
    counts: {
      sites: SITE_DEFS.length,
      users: USER_DEFS.length,
      studies: STUDY_DEFS.length,
      visitScheduleItems: scheduleRows.length,
      studySponsorAccess: accessRows.length,
    },
  };
}
