import { describe, expect, it } from "vitest";
import { withTwoSites } from "@/tests/fixtures";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors";
import { write, type Loaded } from "./road";

const f = withTwoSites();

describe("the write road's steps", () => {
  it("refuses a role without the grant before anything runs", async () => {
    let ran = false;
    const sponsor = await f.actor(f.users.sponsor.id);
    await expect(write(sponsor, "subject.update", async () => void (ran = true))).rejects.toBeInstanceOf(ForbiddenError);
    expect(ran).toBe(false);
  });

  it("loads through the scope: another site's row, a retired one and a malformed id are not found", async () => {
    const coordA = await f.actor(f.users.coordA.id);
    await expect(write(coordA, "subject.update", (w) => w.load("subject", f.subjectB.id))).rejects.toBeInstanceOf(NotFoundError);
    await expect(write(coordA, "subject.update", (w) => w.load("subject", "not-a-uuid"))).rejects.toBeInstanceOf(NotFoundError);
    const loaded = await write(coordA, "subject.update", (w) => w.load("subject", f.subjectA.id, { version: 1 }));
    expect(loaded.row.id).toBe(f.subjectA.id);
    await expect(write(coordA, "subject.update", (w) => w.load("subject", f.subjectA.id, { version: 9 }))).rejects.toBeInstanceOf(ConflictError);
  });

  it("authorises with the write's own action on the record's facts", async () => {
    // Investigators may assess AEs, coordinators may not: the same load, two answers.
    const inv = await f.actor(f.users.invA.id);
    await expect(write(inv, "ae.assess", (w) => w.load("subject", f.subjectA.id))).resolves.toBeTruthy();
    const coord = await f.actor(f.users.coordA.id);
    await expect(write(coord, "ae.assess", (w) => w.load("subject", f.subjectA.id))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("updates only rows it loaded", async () => {
    const coordA = await f.actor(f.users.coordA.id);
    const forged = { entity: "subject", row: f.subjectA, extra: {} } as unknown as Loaded<"subject">;
    await expect(write(coordA, "subject.update", (w) => w.update(forged, { fullName: "X" }, { audit: "update" }))).rejects.toThrow(/loaded/);
  });
});
