/**
 * What the clinical generators need to know about the setup records: ids, each site's time zone
 * and "today", who works there, and each study's schedule. The demo builds it while inserting the
 * setup rows; the bench reads it back from the database.
 */
import type { Day } from "./dates";
import type { Region } from "./names";
import type { ScheduleDef, TherapeuticArea } from "./studies";

export type SiteCtx = {
  id: string;
  name: string;
  timezone: string;
  region: Region;
  /** The site-local date when the seed runs. */
  today: Day;
  /** Active staff, the site's main coordinator/investigator first. */
  coordinatorIds: string[];
  investigatorIds: string[];
  locations: readonly string[];
};

export type ScheduleCtx = ScheduleDef & { id: string };

export type StudyCtx = {
  id: string;
  protocolId: string;
  subjectPrefix: string;
  area: TherapeuticArea;
  piId: string;
  site: SiteCtx;
  /** Ordered by sortOrder; dayOffset ascending. */
  schedule: ScheduleCtx[];
};

export type SeedContext = { now: Date; sites: SiteCtx[]; studies: StudyCtx[] };

/** Staff who record things at a site: coordinators mostly, investigators sometimes. */
export function siteStaff(site: SiteCtx): string[] {
  return [...site.coordinatorIds, ...site.investigatorIds];
}
