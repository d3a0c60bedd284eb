import { describe, expect, it } from "vitest";
import { rawSql, testDb } from "@/tests/db";
import { withTwoSites } from "@/tests/fixtures";
import { ForbiddenError } from "../errors";
import { composeNotification } from "./compose";
import { queueEmails } from "./outbox";
import { listOutbox, OUTBOX_PAGE_SIZE, outboxCounts, outboxFilter } from "./queries";

const f = withTwoSites();

describe("the outbox read model", () => {
  it("lists newest first, one page at a time, filtered by status, with counts — and never the bodies", async () => {
    const n = OUTBOX_PAGE_SIZE + 5;
    await queueEmails(
      await testDb(),
      Array.from({ length: n }, (_, i) => ({
        userId: null,
        to: `person${i}@example.org`,
        causeKey: `q:${i}`,
        mail: composeNotification({ title: `Item ${i}`, body: "SECRET-BODY", link: "/" }),
      })),
    );
    // Spread the creation times so "newest first" is observable; mark a few sent and one dead.
    await rawSql(`UPDATE email_outbox SET created_at = now() - (substring(cause_key from 3)::int * interval '1 minute')`);
    await rawSql(`UPDATE email_outbox SET status = 'sent', sent_at = now() WHERE cause_key IN ('q:1', 'q:2')`);
    await rawSql(`UPDATE email_outbox SET status = 'dead', attempts = 8, last_error = '550 no' WHERE cause_key = 'q:3'`);

    const admin = await f.actor(f.users.admin.id);
    const first = await listOutbox(admin, { page: 1 });
    expect(first).toMatchObject({ total: n, page: 1, pageCount: 2 });
    expect(first.rows).toHaveLength(OUTBOX_PAGE_SIZE);
    expect(first.rows.slice(0, 2).map((r) => r.toAddress)).toEqual(["person0@example.org", "person1@example.org"]);
    expect(JSON.stringify(first.rows)).not.toContain("SECRET-BODY");
    expect(Object.keys(first.rows[0]!).sort()).toEqual(
      ["attempts", "createdAt", "id", "lastError", "nextAttemptAt", "sentAt", "status", "subject", "toAddress"].sort(),
    );
    expect((await listOutbox(admin, { page: 2 })).rows).toHaveLength(5);

    const dead = await listOutbox(admin, { status: "dead" });
    expect(dead.rows).toEqual([expect.objectContaining({ toAddress: "person3@example.org", attempts: 8, lastError: "550 no" })]);
    expect((await listOutbox(admin, { status: "sent" })).total).toBe(2);
    expect(await outboxCounts(admin)).toEqual({ pending: n - 3, sent: 2, dead: 1 });
  });

  it("is for admins only", async () => {
    const coord = await f.actor(f.users.coordA.id);
    await expect(listOutbox(coord)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(outboxCounts(coord)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("reads a status filter from a URL, anything else being all", () => {
    expect(outboxFilter("dead")).toBe("dead");
    expect(outboxFilter("DROP")).toBe("all");
    expect(outboxFilter(undefined)).toBe("all");
  });
});
