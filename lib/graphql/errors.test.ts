/** The lib's typed errors as GraphQL error codes; everything else masked. */
import { GraphQLError } from "graphql";
import { describe, expect, it, vi } from "vitest";
import { ConflictError, ForbiddenError, NotFoundError, RateLimitedError, UnauthenticatedError, ValidationError } from "../errors";
import { runInRequestContext } from "../request-context";
import { maskError, refusalResponse, UNEXPECTED_MESSAGE } from "./errors";

const wrapped = (original: Error) => new GraphQLError(original.message, { path: ["subject"], originalError: original });

describe("GraphQL error mapping", () => {
  it("maps each typed lib error to its code, keeping field errors and the current record", () => {
    const bad = maskError(wrapped(new ValidationError("Please correct the highlighted fields.", { dob: ["Enter a date as YYYY-MM-DD."] }))) as GraphQLError;
    expect(bad.extensions).toEqual({ code: "BAD_USER_INPUT", fieldErrors: { dob: ["Enter a date as YYYY-MM-DD."] } });
    expect(bad.path).toEqual(["subject"]);
    expect((maskError(wrapped(new NotFoundError("Subject not found."))) as GraphQLError).extensions.code).toBe("NOT_FOUND");
    expect((maskError(wrapped(new ForbiddenError())) as GraphQLError).extensions.code).toBe("FORBIDDEN");
    expect((maskError(wrapped(new ConflictError("Someone saved first.", { id: "x", version: 3 }))) as GraphQLError).extensions).toEqual({ code: "CONFLICT", current: { id: "x", version: 3 } });
    expect((maskError(wrapped(new UnauthenticatedError())) as GraphQLError).extensions).toMatchObject({ code: "UNAUTHENTICATED", http: { status: 401 } });
    expect((maskError(wrapped(new RateLimitedError("Slow down.", 12))) as GraphQLError).extensions).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 12 });
  });

  it("masks unexpected errors: no message, no stack, no SQL", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const secret = new Error("Failed query: select * from users where password_hash = 'argon2id$...'");
    const masked = maskError(wrapped(secret)) as GraphQLError;
    expect(masked.message).toBe(UNEXPECTED_MESSAGE);
    expect(masked.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR" });
    // Within a request, the masked error names the request's id (the log lines carry it too).
    const inRequest = runInRequestContext({ requestId: "req-gql-1", peer: null }, () => maskError(wrapped(secret)) as GraphQLError);
    expect(inRequest.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR", requestId: "req-gql-1" });
    expect(JSON.stringify(masked.toJSON())).not.toMatch(/password|select|stack/i);
    expect(String(log.mock.calls[0])).not.toContain("argon2id");
    log.mockRestore();
  });

  it("marks variables of the wrong type as BAD_USER_INPUT and keeps validation errors as they are", () => {
    const variable = maskError(new GraphQLError('Variable "$input" got invalid value 5 at "input.studyId"; String cannot represent a non string value: 5')) as GraphQLError;
    expect(variable.extensions.code).toBe("BAD_USER_INPUT");
    const validation = new GraphQLError("Cannot query field \"x\" on type \"Query\".");
    expect(maskError(validation)).toBe(validation);
  });

  it("answers a refused request with a GraphQL error body and the HTTP status", async () => {
    const response = refusalResponse(new RateLimitedError("Slow down.", 7));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(await response.json()).toEqual({ errors: [{ message: "Slow down.", extensions: { code: "RATE_LIMITED", retryAfterSeconds: 7 } }] });
  });
});
