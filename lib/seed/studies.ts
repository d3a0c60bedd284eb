/**
 * The demo's studies and their protocol visit schedules, written as data in studies.json and
 * checked here. Drug codes are invented; the shapes (cycle-based oncology visits, week-based
 * cardiology and diabetes visits) follow real protocols.
 */
import { z } from "zod";
import { STUDY_STATUSES, VISIT_TYPES } from "@/domain/vocabulary";
import { SITE_KEYS } from "./people";
import studiesJson from "./studies.json";

export const THERAPEUTIC_AREAS = ["oncology", "cardiology", "diabetes", "neurology"] as const;
export type TherapeuticArea = (typeof THERAPEUTIC_AREAS)[number];

/** A protocol visit as studies.json writes it: its window is the same number of days either side. */
const ProtocolVisit = z.object({
  code: z.string(),
  name: z.string(),
  visitType: z.enum(VISIT_TYPES),
  dayOffset: z.number().int(),
  window: z.number().int().nonnegative(),
});

const StudyJson = z.object({
  protocolId: z.string(),
  site: z.enum(SITE_KEYS),
  title: z.string(),
  status: z.enum(STUDY_STATUSES),
  /** Prefix of the study's subject identifiers ("ONC-001"). */
  subjectPrefix: z.string(),
  area: z.enum(THERAPEUTIC_AREAS),
  piUsername: z.string(),
  /** Subjects the demo enrols; about 200 in all. */
  subjectCount: z.number().int().positive(),
  /** Whether sponsor1 monitors it. */
  sponsored: z.boolean(),
  /** The protocol's visits after screening, in order. */
  visits: z.array(ProtocolVisit),
});

export type ScheduleDef = Omit<z.output<typeof ProtocolVisit>, "window"> & { windowBefore: number; windowAfter: number };
export type StudyDef = Omit<z.output<typeof StudyJson>, "visits"> & { schedule: readonly ScheduleDef[] };

/** Every protocol opens with the same screening visit, two weeks before baseline. */
const SCREENING: ScheduleDef = { code: "SCR", name: "Screening", visitType: "screening", dayOffset: -14, windowBefore: 7, windowAfter: 7 };

const scheduleItem = ({ window, ...visit }: z.output<typeof ProtocolVisit>): ScheduleDef => ({ ...visit, windowBefore: window, windowAfter: window });

/** The studies of studies.json, checked, each with its full schedule (screening first). */
export const STUDY_DEFS: readonly StudyDef[] = z
  .array(StudyJson)
  .parse(studiesJson)
  .map(({ visits, ...study }) => ({ ...study, schedule: [SCREENING, ...visits.map(scheduleItem)] }));

/** The area of a protocol, for picking plausible AE terms (bench data reads studies back). */
export function areaOfProtocol(protocolId: string): TherapeuticArea {
  return STUDY_DEFS.find((s) => s.protocolId === protocolId)?.area ?? "oncology";
}
