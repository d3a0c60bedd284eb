import { describe, expect, it } from "vitest";
import { z } from "zod";
import { READ_MODELS } from "../../read-model";
import { subjectModel } from "../../read-model/subject";
import { visitModel } from "../../read-model/visit";
import { modelFields } from "./model-fields";

describe("API fields from the read model", () => {
  it("types each column as its table declares it", () => {
    const visit = z.object(modelFields(visitModel, ["id", "visitStatus", "scheduledAt", "windowStart", "location", "version"]));
    const ok = { id: "6b1f6f2e-8c1a-4d8e-9a57-0c1f6b0f0a11", visitStatus: "scheduled", scheduledAt: "2026-03-05T09:00:00Z", windowStart: "2026-03-04", location: null, version: 1 };
    expect(visit.safeParse(ok).success).toBe(true);
    expect(visit.safeParse({ ...ok, visitStatus: "postponed" }).success).toBe(false); // not one of the enum's values
    expect(visit.safeParse({ ...ok, scheduledAt: "2026-03-05" }).success).toBe(false); // an instant, with its zone
    expect(visit.safeParse({ ...ok, windowStart: "05/03/2026" }).success).toBe(false);
    expect(visit.safeParse({ ...ok, scheduledAt: null }).success).toBe(false); // NOT NULL in the table
  });

  it("lets every de-identified field be null (or a year), and says so in its description", () => {
    const subject = modelFields(subjectModel, ["fullName", "dob", "consentSignedAt", "subjectId"], { fullName: "As on the consent form." });
    const fields = z.object(subject);
    expect(fields.safeParse({ fullName: null, dob: "1980", consentSignedAt: null, subjectId: "ONC-014" }).success).toBe(true);
    expect(fields.safeParse({ fullName: "Ada", dob: "1980", consentSignedAt: null, subjectId: null }).success).toBe(false);
    expect(subject.fullName.description).toBe("As on the consent form. Null for sponsors.");
    expect(subject.dob.description).toBe("YYYY-MM-DD; the year only for sponsors.");
  });

  it("maps every column of every read model (a new column kind fails here first)", () => {
    for (const model of READ_MODELS) expect(() => modelFields(model, Object.keys(model.columns) as never[])).not.toThrow();
  });
});
