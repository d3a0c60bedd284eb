/**
 * Free text that seeded records carry: AE terms (MedDRA preferred-term style), screening failure
 * reasons, visit status reasons, withdrawal reasons and note texts — the phrasing a coordinator
 * would really type, so the demo reads like a site's records.
 */
import type { TherapeuticArea } from "./studies";

/** The texts of a block written one a line (indentation, and the block's first and last line breaks, dropped). */
function linesOf(block: string): readonly string[] {
  return block.trim().split("\n").map((line) => line.trim());
}

export const AE_TERMS: Record<TherapeuticArea, readonly string[]> = {
  oncology: [
    "Fatigue", "Nausea", "Neutropenia", "Anaemia", "Decreased appetite", "Constipation",
    "Peripheral sensory neuropathy", "Thrombocytopenia", "Febrile neutropenia", "Pneumonitis",
    "Rash maculo-papular", "Diarrhoea", "Vomiting", "Alanine aminotransferase increased",
  ],
  cardiology: [
    "Dizziness", "Hypotension", "Hyperkalaemia", "Cardiac failure", "Atrial fibrillation",
    "Peripheral oedema", "Dyspnoea", "Acute kidney injury", "Cough", "Syncope", "Fatigue",
  ],
  diabetes: [
    "Nausea", "Vomiting", "Diarrhoea", "Hypoglycaemia", "Injection site reaction",
    "Decreased appetite", "Dyspepsia", "Lipase increased", "Cholelithiasis", "Headache",
    "Pancreatitis",
  ],
  neurology: [
    "Headache", "Nasopharyngitis", "Dizziness", "Somnolence", "Nausea", "Paraesthesia",
    "Fatigue", "Injection site pain", "Constipation", "Depression", "Seizure",
  ],
};

/** Terms that, when they happen, usually make an AE serious (hospitalisation and worse). */
export const SERIOUS_TERMS: readonly string[] = [
  "Febrile neutropenia", "Pneumonitis", "Cardiac failure", "Syncope", "Acute kidney injury",
  "Pancreatitis", "Seizure", "Atrial fibrillation",
];

export const SCREEN_FAIL_REASONS: Record<TherapeuticArea, readonly string[]> = {
  oncology: linesOf(`
    Exclusion 5: untreated brain metastases on screening MRI
    Inclusion 4 not met: ECOG performance status 2
    Exclusion 9: ALT > 3 x ULN on screening labs
    Inclusion 3 not met: no measurable disease per RECIST 1.1
  `),
  cardiology: linesOf(`
    Inclusion 2 not met: LVEF 38% on screening echo (< 45% required)
    Exclusion 7: eGFR 24 mL/min/1.73m² (< 30)
    Exclusion 3: NT-proBNP below protocol threshold
    Exclusion 11: potassium 5.6 mmol/L at screening
  `),
  diabetes: linesOf(`
    Inclusion 3 not met: HbA1c 6.6% (7.0–10.5% required)
    Exclusion 4: history of pancreatitis
    Exclusion 8: eGFR 28 mL/min/1.73m²
    Inclusion 5 not met: metformin dose unstable in last 90 days
  `),
  neurology: linesOf(`
    Inclusion 2 not met: fewer than 4 migraine days in the baseline diary month
    Exclusion 6: medication-overuse headache
    Exclusion 3: failed more than 4 preventive treatments
    Baseline diary compliance < 80%
  `),
};

export const RESCREEN_NOTES = linesOf(`
  Screening bloods haemolysed; repeat draw required before eligibility can be confirmed.
  Screening window expired while awaiting imaging; sponsor approved rescreen.
  Subject had an intercurrent infection; rescreen after recovery per protocol section 6.4.
  Central lab sample lost in transit; rescreen approved by medical monitor.
`);

export const SCREENING_PASS_NOTES = linesOf(`
  All inclusion criteria met, no exclusion criteria. Eligibility confirmed with PI.
  Eligible. Screening labs, ECG and vitals within protocol limits.
  Eligibility checklist completed and reviewed; randomisation requested.
`);

export const MISSED_REASONS = linesOf(`
  Subject did not attend; two reminder calls unanswered.
  Transport fell through on the day; subject could not travel.
  Subject unwell (intercurrent illness) and did not come in; outside window by the time recovered.
  Subject forgot appointment; visit window closed before it could be rebooked.
`);

export const CANCEL_REASONS = linesOf(`
  Clinic closed (severe weather); sponsor agreed the visit is skipped.
  Subject hospitalised at another facility; visit replaced by unscheduled safety visit.
  Duplicate booking created in error.
  Study drug supply delayed; visit skipped per sponsor instruction.
`);

export const WITHDRAWAL_REASONS = linesOf(`
  Withdrew consent: moving out of the area.
  Withdrew consent: travel burden of weekly visits.
  Investigator decision following adverse event.
  Protocol deviation: started prohibited concomitant medication.
  Pregnancy (study drug discontinued per protocol).
`);

/** Why a subject is recorded as completed: the protocol's last visit done. */
export const COMPLETED_REASON = "Completed the protocol's last visit.";

export const LOST_REASON =
  "Lost to follow-up: no contact after three phone calls and a registered letter.";

export const CONSENT_NOTES = linesOf(`
  Informed consent (ICF v3.1) discussed and signed before any study procedure; signed copy given to subject.
  Consent process completed with PI present; subject took the ICF home overnight and signed today.
  Consent obtained with a qualified interpreter; questions about randomisation answered.
  Re-consented on amended ICF v4.0 (new safety information).
`);

export const SCREENING_NOTES = linesOf(`
  Screening labs drawn and sent to central lab; ECG normal sinus rhythm.
  Reviewed inclusion/exclusion checklist with the PI; awaiting imaging report.
  Medical history and concomitant medications reconciled with GP records.
`);

export const CALL_NOTES = linesOf(`
  Reminder call for upcoming visit; subject confirmed attendance and fasting instructions.
  Left voicemail about the missed visit; will try again tomorrow morning.
  Subject called to report a mild headache after the last dose; advised paracetamol, to review at next visit.
  48-hour post-dose safety call: no new symptoms reported.
  Subject asked to move the next visit to a morning slot; rebooked within window.
`);

export const VISIT_NOTES = linesOf(`
  Visit completed; vitals stable, study drug dispensed and diary reviewed (compliance ~95%).
  Visit completed; PK samples drawn at pre-dose and 2 h, processed within 30 minutes.
  Visit completed; returned kit counted, two doses missed while travelling (subject re-trained).
  Visit completed; questionnaires done on tablet, no new concomitant medications.
`);

export const GENERAL_NOTES = linesOf(`
  Subject prefers morning appointments (works afternoons).
  Parking validation provided; travel reimbursement submitted to sponsor.
  Next of kin contact details updated.
  Subject enrolled in the optional genetic sub-study (separate consent on file).
`);

export const UNSCHEDULED_VISIT_NOTE = "Unscheduled safety visit for adverse event follow-up.";
