import { describe, expect, it } from "vitest";
import { countQueries } from "@/tests/db";
import { withTwoSites } from "@/tests/fixtures";
import { subjectWithHistory } from "@/tests/fixtures-subjects";
import { NotFoundError } from "../errors";
import { createNote } from "../notes/create";
import { updateNote } from "../notes/update";
import { updateSubject } from "../subjects/update";
import { getSubjectTimeline } from "./subject-timeline";

const f = withTwoSites();

describe("getSubjectTimeline", () => {
  it("is built in the same fixed number of queries (its tasks one of them) for 2 records as for 50 of each kind", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const small = await subjectWithHistory(f, "H-2", 2);
    const large = await subjectWithHistory(f, "H-50", 50);
    const a = await countQueries(() => getSubjectTimeline(coord, small.id));
    const b = await countQueries(() => getSubjectTimeline(coord, large.id));
    expect(a.result.entries.filter((e) => e.kind !== "subject" && e.kind !== "consent")).toHaveLength(8);
    expect(b.result.entries.filter((e) => e.kind !== "subject" && e.kind !== "consent")).toHaveLength(200);
    expect(a.queries).toBe(b.queries);
    expect(b.queries).toBeLessThanOrEqual(9);
    // Each record carries its own history.
    const visit = b.result.entries.find((e) => e.kind === "visit");
    expect(visit && "history" in visit && visit.history).toHaveLength(1);
  });

  it("orders consent, records and changes chronologically, with who, old → new and the reason", async () => {
    const coord = await f.actor(f.users.coordA.id);
    await updateSubject(coord, {
      id: f.subjectA.id,
      version: 1,
      subjectId: "A-01",
      fullName: "Alice Anderson",
      coordinatorId: f.users.coordA.id,
      dob: "1970-05-02",
      sexAtBirth: "female",
      consentSignedAt: "2024-01-05T09:15",
      reason: "Name from the ID card",
    });
    const note = await createNote(coord, { subjectId: f.subjectA.id, noteType: "consent", noteText: "Consent discussed" });
    await updateNote(coord, { id: note.id, version: 1, noteType: "consent", noteText: "Consent discussed with daughter", reason: "Detail" });

    const { entries } = await getSubjectTimeline(coord, f.subjectA.id);
    // Consent (typed as 2024) precedes the fixture's registration (now).
    expect(entries.map((e) => e.kind)).toEqual(["consent", "subject", "subject", "note"]);
    const change = entries[2]!;
    expect(change.kind === "subject" && change.history).toMatchObject({
      action: "update",
      actorName: "coord_a Person",
      reason: "Name from the ID card",
      changes: { fullName: ["Alice Anders", "Alice Anderson"] },
    });
    const noteEntry = entries[3]!;
    expect(noteEntry.kind === "note" && noteEntry.record).toMatchObject({ noteText: "Consent discussed with daughter", edited: true });
    expect(noteEntry.kind === "note" && noteEntry.history.map((h) => h.action)).toEqual(["create", "update"]);
  });

  it("de-identifies the timeline and its history for a sponsor, and is not found for another site", async () => {
    const sponsor = await f.actor(f.users.sponsor.id);
    const { subject, entries } = await getSubjectTimeline(sponsor, f.subjectA.id);
    expect(subject.fullName).toBeNull();
    const change = entries.find((e) => e.kind === "subject" && e.history?.action === "update");
    expect(change?.kind === "subject" && change.history?.changes.fullName).toEqual(["[withheld]", "[withheld]"]);
    const note = entries.find((e) => e.kind === "note");
    expect(note?.kind === "note" && note.record.noteText).toBeNull();
    expect(JSON.stringify(entries)).not.toContain("Alice");
    expect(JSON.stringify(entries)).not.toContain("daughter");

    await expect(getSubjectTimeline(await f.actor(f.users.coordB.id), f.subjectA.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
