import fs from "node:fs";
import path from "node:path";
import { redirect } from "next/navigation";
import { describe, expect, it } from "vitest";
import { parseOrThrow, type ActionState } from "../action-state";
import type { Actor } from "../actor";
import { ConflictError, UnauthenticatedError } from "../errors";
import { runFormAction } from "./form-action";
import { FormInput } from "./form-input";
import { updateSubjectSchema } from "./subject";

/** A form as the browser sends it (entries in order; a repeated name is several values). */
function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

const actor = { id: "0b6f1f9e-5d2a-4c3b-9a1e-2f3d4c5b6a7e", siteTimezone: "Europe/London" } as Actor;
const signedIn = async () => actor;

describe("FormInput", () => {
  const input = new FormInput(
    form([
      ["name", "Ann"],
      ["blank", ""],
      ["criteria", "death"],
      ["criteria", "disability"],
      ["serious", "on"],
      ["password", "secret-secret"],
      ["$ACTION_ID_abc", ""],
    ]),
  );

  it("reads text as typed, and a field the form did not send as undefined", () => {
    expect(input.text("name")).toBe("Ann");
    expect(input.text("blank")).toBe("");
    expect(input.text("missing")).toBeUndefined();
    expect(input.pick(["name", "missing"])).toEqual({ name: "Ann", missing: undefined });
  });

  it("reads checkbox groups and ticks", () => {
    expect(input.all("criteria")).toEqual(["death", "disability"]);
    expect(input.checked("serious")).toBe(true);
    expect(input.checked("name")).toBe(false);
  });

  it("keeps what was typed for a refused form, never a password or Next's own keys", () => {
    expect(input.typed()).toEqual({ name: "Ann", blank: "", criteria: "death,disability", serious: "on" });
  });
});

describe("runFormAction: the one try/catch of every form", () => {
  it("returns the handler's state, with the actor and the form's fields", async () => {
    const state = await runFormAction(form([["name", "Ann"]]), signedIn, async (input, who) => ({
      status: "success" as const,
      message: `${input.text("name")} saved by ${who.id}`,
    }));
    expect(state).toEqual({ status: "success", message: `Ann saved by ${actor.id}` });
  });

  it("returns a lib schema's field messages beside their fields, and the values typed", async () => {
    const sent = form([
      ["id", "not-an-id"],
      ["version", ""],
      ["subjectId", "S-1"],
      ["fullName", "  "],
      ["reason", ""],
      ["password", "never echoed"],
    ]);
    const state = await runFormAction(sent, signedIn, async (input) => {
      parseOrThrow(updateSubjectSchema, input.pick(["id", "version", "subjectId", "fullName", "coordinatorId", "dob", "sexAtBirth", "consentSignedAt", "reason"]));
      return { status: "success" };
    });
    expect(state.status).toBe("error");
    expect(state.message).toBe("Please correct the highlighted fields.");
    expect(state.fieldErrors).toMatchObject({
      id: ["Choose an existing subject."],
      version: ["This form is missing the record's version: reload the page and try again."],
      fullName: ["Enter the full name."],
      coordinatorId: ["Choose a coordinator."],
      dob: ["Enter the date of birth."],
      reason: ["Give a reason for the change."],
    });
    expect(state.fieldErrors).not.toHaveProperty("subjectId");
    expect(state.values).toEqual({ id: "not-an-id", version: "", subjectId: "S-1", fullName: "  ", reason: "" });
  });

  it("lets a form add to a refusal (a conflict's newer values), with the actor", async () => {
    const state = await runFormAction<ActionState, Actor>(
      form([["version", "1"]]),
      signedIn,
      async () => {
        throw new ConflictError("Someone else saved first.", { version: 2, location: "Room 4" });
      },
      { refused: (error, refused, who) => ({ ...refused, current: { shownTo: who?.siteTimezone, ...(error as ConflictError<object>).current } }) },
    );
    expect(state).toMatchObject({ status: "error", message: "Someone else saved first.", values: { version: "1" } });
    expect(state.current).toEqual({ shownTo: "Europe/London", version: 2, location: "Room 4" });
  });

  it("refuses a signed-out person with a message, before the handler runs", async () => {
    let ran = false;
    const state = await runFormAction(
      form([["name", "Ann"]]),
      async () => {
        throw new UnauthenticatedError();
      },
      async () => {
        ran = true;
        return { status: "success" };
      },
      { refused: (_error, refused, who) => ({ ...refused, message: `${refused.message} (${who === null ? "no actor" : "actor"})` }) },
    );
    expect(ran).toBe(false);
    expect(state).toEqual({ status: "error", message: "Please sign in (no actor)", values: { name: "Ann" } });
  });

  it("never shows an unexpected error's text", async () => {
    const state = await runFormAction(form([]), signedIn, async () => {
      throw new Error("connection refused at 10.0.0.3");
    });
    expect(state.status).toBe("error");
    expect(state.message).toBe("Something went wrong. Nothing was saved; please try again.");
  });

  it("lets Next's redirect through (it is the answer, not a failure)", async () => {
    await expect(
      runFormAction(form([]), signedIn, async () => {
        redirect("/subjects/1?notice=created");
      }),
    ).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
  });
});

describe("every form action goes through the wrapper", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const files = (fs.readdirSync(path.join(root, "app"), { recursive: true }) as string[])
    .filter((file) => path.basename(file) === "actions.ts")
    .map((file) => [`app/${file}`, fs.readFileSync(path.join(root, "app", file), "utf8")] as const);

  it("finds the action files", () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
  });

  it.each(files)("%s: exports only wrapped actions, and catches nothing itself but sign-in's own errors", (file, source) => {
    // A hand-written `export async function` would need its own try/catch: exactly the drift this prevents.
    expect(source, file).not.toMatch(/export\s+(async\s+)?function/);
    expect(source, file).toMatch(/\b(formAction|publicFormAction)(<\w+>)?\(/);
    const catches = source.match(/\bcatch\s*\(/g)?.length ?? 0;
    expect(catches, file).toBe(file.endsWith("login/actions.ts") ? 1 : 0);
  });
});
