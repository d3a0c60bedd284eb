import { describe, expect, it } from "vitest";
import { rawSql, testDb, withTestDb } from "@/tests/db";
import { sealAll } from "./sealer";
import { appendAudit } from "./writer";
import { verifyAuditChain } from "./verify";

withTestDb();

describe("audit chain verification", () => {
  it("names the event after a removed one", async () => {
    const db = await testDb();
    for (let i = 0; i < 4; i++) await appendAudit(db, { actor: null, entity: "e", action: `a${i}` });
    await sealAll(db);
    await rawSql("alter table audit_events disable trigger audit_events_no_update_delete");
    await rawSql("alter table audit_seals disable trigger audit_seals_no_update_delete");
    await rawSql("delete from audit_seals where chain_seq = 2");
    await rawSql("delete from audit_events where seq = 2");
    await rawSql("alter table audit_seals enable trigger audit_seals_no_update_delete");
    await rawSql("alter table audit_events enable trigger audit_events_no_update_delete");
    const result = await verifyAuditChain(db);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.brokenAt).toMatchObject({ seq: 3, event: 3 });
      expect(result.brokenAt.problem).toMatch(/missing/);
    }
  });
});
