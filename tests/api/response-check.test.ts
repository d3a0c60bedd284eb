import { describe, expect, it } from "vitest";
import { checkResponse } from "./response-check";

const id = (n: number) => `6b1f6f2e-8c1a-4d8e-9a57-0c1f6b0f0a1${n}`;
const at = "2026-01-01T00:00:00.000Z";
const get = new Request(`http://trialdesk.test/api/v1/studies/${id(1)}`);
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
// A study as GET /studies/{id} answers it.
const study = { id: id(1), version: 1, createdAt: at, updatedAt: at, siteId: id(3), siteName: "Site A",
  protocolId: "A-001", title: "Study A", status: "recruiting", principalInvestigatorId: id(2) };

describe("the API tests' response check", () => {
  it("passes an answer that matches the operation's documented schema", async () => {
    await expect(checkResponse(get, json(study))).resolves.toBeUndefined();
  });

  it("fails an answer with a field the schema does not declare, or a value of another type", async () => {
    await expect(checkResponse(get, json({ ...study, fullName: "Ada" }))).rejects.toThrow(/getStudy answered fields its schema does not declare: \$\.fullName/);
    await expect(checkResponse(get, json({ ...study, version: "1" }))).rejects.toThrow(/getStudy answered outside its documented schema/);
  });

  it("leaves refusals to the tests that expect them", async () => {
    await expect(checkResponse(get, json({ title: "Not found" }, 404))).resolves.toBeUndefined();
  });
});
