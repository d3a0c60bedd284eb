import { beforeAll, describe, expect, it } from "vitest";
import { withTestDb } from "@/tests/db";
import { twoSites } from "@/tests/fixtures";
import { makeVisit } from "@/tests/fixtures-visits";
import { retireRecord } from "../lifecycle/retire";
import { createNote } from "../notes/create";
import { getSubjectTimeline } from "./subject-timeline";

withTestDb();

let f: Awaited<ReturnType<typeof twoSites>>;
beforeAll(async () => {
  f = await twoSites();
});

describe("a retired record on the timeline", () => {
  it("stays, with who retired it, when and why — the reason withheld from sponsors", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const visit = await makeVisit(f, { scheduledAt: new Date(Date.now() + 86_400_000) });
    const kept = await makeVisit(f, { scheduledAt: new Date(Date.now() + 2 * 86_400_000) });
    await retireRecord(coord, "visit", { id: visit.id, version: 1, reason: "Booked on the wrong subject" });

    const { entries, userNames } = await getSubjectTimeline(coord, f.subjectA.id);
    const visits = entries.flatMap((e) => (e.kind === "visit" ? [e] : []));
    expect(visits.map((e) => e.record.id).sort()).toEqual([visit.id, kept.id].sort());
    const retired = visits.find((e) => e.record.id === visit.id)!;
    expect(retired.record).toMatchObject({ retireReason: "Booked on the wrong subject", retiredById: coord.id });
    expect(retired.record.retiredAt).toBeInstanceOf(Date);
    expect(retired.history.map((h) => h.action)).toContain("retire");
    expect(userNames[coord.id]).toBe(coord.displayName);
    expect(visits.find((e) => e.record.id === kept.id)!.record.retiredAt).toBeNull();

    const sponsor = await f.actor(f.users.sponsor.id);
    const seen = (await getSubjectTimeline(sponsor, f.subjectA.id)).entries.flatMap((e) => (e.kind === "visit" && e.record.id === visit.id ? [e] : []));
    expect(seen).toHaveLength(1);
    expect(seen[0]!.record.retiredAt).toBeInstanceOf(Date);
    expect(seen[0]!.record.retireReason).toBeNull();
    expect(JSON.stringify(seen[0]!.history)).not.toContain("wrong subject");
  });

  it("shows a retired note unedited (retiring is no edit), with its retire line in its history", async () => {
    const coord = await f.actor(f.users.coordA.id);
    const note = await createNote(coord, { subjectId: f.subjectA.id, noteType: "general", noteText: "Meant for another subject" });
    await retireRecord(coord, "subject_note", { id: note.id, version: note.version, reason: "Wrong timeline" });
    const { entries } = await getSubjectTimeline(coord, f.subjectA.id);
    const entry = entries.find((e) => e.kind === "note" && e.record.id === note.id);
    expect(entry?.kind === "note" && entry.record).toMatchObject({ edited: false, retireReason: "Wrong timeline", version: 2 });
    expect(entry?.kind === "note" && entry.history.map((h) => h.action)).toEqual(["create", "retire"]);
  });
});
