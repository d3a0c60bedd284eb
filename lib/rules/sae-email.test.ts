/**
 * The whole path of an SAE alert, with real parts: a serious AE reported over REST, the inbox
 * items and the PI's task written in its transaction, and the outbox delivered by the dispatcher to
 * a real SMTP server started here — exactly one email per recipient, however often it runs.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { notifications, studies, tasks } from "@/db/schema";
import { rawCall, tokenFor } from "@/tests/api/client";
import { withTestDb } from "@/tests/db";
import { makeUser, twoSites } from "@/tests/fixtures";
import { consentBoth } from "@/tests/fixtures-aes";
import { startTestSmtp, type TestSmtp } from "@/tests/smtp";
import { dispatchOnce } from "../mail/dispatcher";

withTestDb();

let f: Awaited<ReturnType<typeof twoSites>>;
let smtp: TestSmtp;
let secondInvestigator: { id: string; email: string };
const saved = { SMTP_URL: process.env.SMTP_URL, MAIL_FROM: process.env.MAIL_FROM, APP_URL: process.env.APP_URL };

beforeAll(async () => {
  f = await twoSites();
  await consentBoth(f);
  secondInvestigator = await makeUser("inv_a2", "investigator", f.siteA.id);
  smtp = await startTestSmtp();
  process.env.SMTP_URL = smtp.url();
  process.env.MAIL_FROM = "TrialDesk <alerts@trialdesk.test>";
  process.env.APP_URL = "https://trialdesk.example.org";
});

afterAll(async () => {
  await smtp.close();
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe("a serious AE reported over REST", () => {
  it("yields the inbox items, the PI's task and exactly one email per recipient", async () => {
    const token = await tokenFor(f.users.coordA.id);
    const res = await rawCall("POST", "/adverse-events", {
      token,
      body: JSON.stringify({
        subjectId: f.subjectA.id,
        eventTerm: "Anaphylaxis",
        severity: "severe",
        grade: 4,
        serious: true,
        seriousnessCriteria: ["life_threatening"],
        onsetDate: "2024-06-01",
        awareAt: "2024-06-01T10:00:00Z",
      }),
    });
    expect(res.status).toBe(201);
    const aeId = res.body!.id as string;

    const db = await getDb();
    const inbox = await db.select().from(notifications).where(eq(notifications.entityId, aeId));
    // The site's two investigators (the PI, invA, among them, told once); not the reporting coordinator.
    expect(inbox.map((n) => n.userId).sort()).toEqual([f.users.invA.id, secondInvestigator.id].sort());
    const [study] = await db.select().from(studies).where(eq(studies.id, f.studyA.id));
    const taskRows = await db.select().from(tasks).where(eq(tasks.entityId, aeId));
    expect(taskRows).toHaveLength(1);
    expect(taskRows[0]).toMatchObject({ title: "Assess SAE", assigneeId: study!.principalInvestigatorId, status: "open" });
    expect(taskRows[0]!.dueAt.toISOString()).toBe("2024-06-02T10:00:00.000Z");

    await dispatchOnce();
    await dispatchOnce();
    const mine = smtp.messages.filter((m) => m.raw.includes(aeId));
    expect(mine.map((m) => m.to).flat().sort()).toEqual(["inv_a2@example.org", "inv_a@example.org"]);
    for (const message of mine) {
      // Quoted-printable: undo soft line breaks and the encoded "=" before reading the text.
      const text = message.raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
      expect(message.from).toBe("alerts@trialdesk.test");
      expect(text).toContain(`https://trialdesk.example.org/adverse-events/${aeId}`);
      expect(text).toContain("A-01");
      expect(text).toMatch(/text\/plain/);
      expect(text).toMatch(/text\/html/);
      // Email is not a secure channel: no name, no date of birth, no typed clinical text.
      expect(text).not.toMatch(/Alice|Anders|1970-05-02|Anaphylaxis/);
    }
  });
});
