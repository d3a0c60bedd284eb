import { describe, expect, it } from "vitest";
import { errorSummary, textSummary } from "./process-logger.mjs";

describe("what an error may say in the log", () => {
  it("keeps a driver's message and codes, never the query or its parameters", () => {
    const cause = Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505", constraint_name: "users_email_key" });
    const error = new Error("Failed query: insert into users values ($1, $2)\nparams: alice@example.org,Secret-1", { cause });
    expect(errorSummary(error)).toBe("Error: duplicate key value violates unique constraint [23505] (users_email_key)");
    expect(errorSummary(new Error("Failed query: select 1\nparams: Secret-1"))).toBe("Error: database query failed");
  });

  it("drops quoted input and everything after the first line", () => {
    let parseError: unknown;
    try {
      JSON.parse('Secret-Password-1 and more');
    } catch (error) {
      parseError = error;
    }
    expect(errorSummary(parseError)).not.toContain("Secret");
    expect(textSummary('Received "td_abcdef" for\nline two with Secret')).toBe('Received "…" for');
    expect(textSummary("\u001b[31m⨯\u001b[39m boom")).toBe("⨯ boom");
  });
});
