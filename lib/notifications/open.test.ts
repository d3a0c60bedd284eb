import { describe, expect, it } from "vitest";
import { withTwoSites } from "@/tests/fixtures";
import { insertNotification, readStates } from "@/tests/fixtures-notifications";
import { NotFoundError } from "../errors";
import { openNotification } from "./open";

const f = withTwoSites();

describe("opening a notification", () => {
  it("marks it read and leads to its record", async () => {
    const me = await f.actor(f.users.invA.id);
    const item = await insertNotification(me.id, { link: "/adverse-events/5b0f4b37-3f5e-4a51-9d39-0c8e4e6a4d2b?tab=history" });
    expect(await openNotification(me, item.id)).toBe("/adverse-events/5b0f4b37-3f5e-4a51-9d39-0c8e4e6a4d2b?tab=history");
    expect((await readStates(me.id)).get(item.id)).not.toBeNull();
  });

  it("never leads off the app: another host, a protocol-relative link or the API open the inbox instead", async () => {
    const me = await f.actor(f.users.coordA.id);
    for (const link of ["https://evil.example/adverse-events/1", "//evil.example/x", "/api/v1/users/me", "javascript:alert(1)", ""]) {
      const item = await insertNotification(me.id, { link });
      const target = await openNotification(me, item.id);
      expect(target === "/notifications" || (target.startsWith("/") && !target.startsWith("//") && !target.startsWith("/api/")), link).toBe(true);
      expect(target).not.toContain("evil");
    }
  });

  it("does not open someone else's", async () => {
    const theirs = await insertNotification(f.users.coordB.id);
    await expect(openNotification(await f.actor(f.users.coordA.id), theirs.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await readStates(f.users.coordB.id)).get(theirs.id)).toBeNull();
  });
});
