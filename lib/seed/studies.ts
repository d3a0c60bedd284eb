/**
 * The demo's studies and their protocol visit schedules. Drug codes are invented; the shapes
 * (cycle-based oncology visits, week-based cardiology and diabetes visits) follow real protocols.
 */
import type { VISIT_TYPES, STUDY_STATUSES } from "@/db/schema";
import type { SiteKey } from "./people";

export type TherapeuticArea = "oncology" | "cardiology" | "diabetes" | "neurology";

export type ScheduleDef = {
  code: string;
  name: string;
  visitType: (typeof VISIT_TYPES)[number];
  dayOffset: number;
  windowBefore: number;
  windowAfter: number;
};

export type StudyDef = {
  site: SiteKey;
  protocolId: string;
  title: string;
  status: (typeof STUDY_STATUSES)[number];
  /** Prefix of the study's subject identifiers ("ONC-001"). */
  subjectPrefix: string;
  area: TherapeuticArea;
  piUsername: string;
  /** Subjects the demo enrols; about 200 in all. */
  subjectCount: number;
  /** Whether sponsor1 monitors it. */
  sponsored: boolean;
  schedule: readonly ScheduleDef[];
};

const screening: ScheduleDef = {
  code: "SCR",
  name: "Screening",
  visitType: "screening",
  dayOffset: -14,
  windowBefore: 7,
  windowAfter: 7,
};
const baseline = (code: string, name: string): ScheduleDef => ({
  code,
  name,
  visitType: "baseline",
  dayOffset: 0,
  windowBefore: 0,
  windowAfter: 0,
});
const visit = (
  code: string,
  name: string,
  visitType: ScheduleDef["visitType"],
  dayOffset: number,
  window: number,
): ScheduleDef => ({ code, name, visitType, dayOffset, windowBefore: window, windowAfter: window });

export const STUDY_DEFS: readonly StudyDef[] = [
  {
    site: "riverside",
    protocolId: "RCR-ONC-101",
    title:
      "A Phase II, Open-Label Study of TDX-417 Plus Carboplatin and Pemetrexed in Previously Untreated Metastatic Non-Squamous Non-Small Cell Lung Cancer",
    status: "recruiting",
    subjectPrefix: "ONC",
    area: "oncology",
    piUsername: "investigator1",
    subjectCount: 52,
    sponsored: true,
    schedule: [
      screening,
      baseline("C1D1", "Cycle 1 Day 1 (baseline)"),
      visit("C2D1", "Cycle 2 Day 1", "treatment", 21, 3),
      visit("C3D1", "Cycle 3 Day 1", "treatment", 42, 3),
      visit("C4D1", "Cycle 4 Day 1", "treatment", 63, 3),
      visit("SFU", "30-day safety follow-up", "follow_up", 93, 7),
      visit("EOS", "End of study", "end_of_study", 150, 14),
    ],
  },
  {
    site: "riverside",
    protocolId: "RCR-CAR-204",
    title:
      "A Randomized, Double-Blind, Placebo-Controlled Trial of CV-208 in Adults with Heart Failure with Preserved Ejection Fraction",
    status: "active_not_recruiting",
    subjectPrefix: "CAR",
    area: "cardiology",
    piUsername: "investigator3",
    subjectCount: 48,
    sponsored: false,
    schedule: [
      screening,
      baseline("BL", "Baseline / randomisation"),
      visit("W4", "Week 4", "treatment", 28, 3),
      visit("W12", "Week 12", "treatment", 84, 7),
      visit("W24", "Week 24", "follow_up", 168, 7),
      visit("EOS", "End of study (Week 36)", "end_of_study", 252, 14),
    ],
  },
  {
    site: "lakeside",
    protocolId: "LTU-DM-301",
    title:
      "A Phase III Study of Once-Weekly LT-552 Versus Placebo in Adults with Type 2 Diabetes Inadequately Controlled on Metformin",
    status: "recruiting",
    subjectPrefix: "DM",
    area: "diabetes",
    piUsername: "investigator2",
    subjectCount: 50,
    sponsored: true,
    schedule: [
      screening,
      baseline("BL", "Baseline / first dose"),
      visit("W4", "Week 4", "treatment", 28, 3),
      visit("W12", "Week 12", "treatment", 84, 5),
      visit("W26", "Week 26 (primary endpoint)", "treatment", 182, 7),
      visit("FU", "Safety follow-up", "follow_up", 210, 7),
      visit("EOS", "End of study", "end_of_study", 238, 14),
    ],
  },
  {
    site: "lakeside",
    protocolId: "LTU-NEU-112",
    title:
      "A Phase IIb Dose-Ranging Study of NX-90 for the Preventive Treatment of Episodic Migraine",
    status: "recruiting",
    subjectPrefix: "NEU",
    area: "neurology",
    piUsername: "investigator4",
    subjectCount: 50,
    sponsored: false,
    schedule: [
      screening,
      baseline("BL", "Baseline"),
      visit("M1", "Month 1", "treatment", 30, 5),
      visit("M3", "Month 3", "follow_up", 90, 7),
      visit("EOS", "End of study (Month 4)", "end_of_study", 120, 14),
    ],
  },
];

/** The area of a protocol, for picking plausible AE terms (bench data reads studies back). */
export function areaOfProtocol(protocolId: string): TherapeuticArea {
  return STUDY_DEFS.find((s) => s.protocolId === protocolId)?.area ?? "oncology";
}
