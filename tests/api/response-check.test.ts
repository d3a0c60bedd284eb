import { describe, expect, it } from "vitest";
import { checkResponse } from "./response-check";

const get = new Request("http://trialdesk.test/api/v1/studies/6b1f6f2e-8c1a-4d8e-9a57-0c1f6b0f0a11");
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const study = {
  id: "6b1f6f2e-8c1a-4d8e-9a57-0c1f6b0f0a11",
  version: 1,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  protocolId: "A-001",
  title: "Study A",
  status: "recruiting",
  principalInvestigatorId: "6b1f6f2e-8c1a-4d8e-9a57-0c1f6b0f0a12",
  siteId: "6b1f6f2e-8c1a-4d8e-9a57-0c1f6b0f0a13",
  siteName: "Site A",
};

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
