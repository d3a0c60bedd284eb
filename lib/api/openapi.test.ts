/**
 * The OpenAPI document is valid OpenAPI 3.1, and the typed client the API tests use was generated
 * from it: if a route or schema changes without regenerating (`npm run api:types`), this fails.
 */
import fs from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import openapiTS, { astToString } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { apiRoutes } from "./routes";
import { openApiDocument } from "./http/openapi";

const TYPES_FILE = path.join(process.cwd(), "tests/api/openapi.d.ts");
const HEADER = "/** Generated from /api/v1/openapi.json by `npm run api:types`. Do not edit. */\n";

describe("OpenAPI document", () => {
  const document = openApiDocument(apiRoutes);

  it("is valid OpenAPI 3.1 under a standard validator", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("describes every route of the router", () => {
    const paths = document.paths as Record<string, Record<string, unknown>>;
    for (const route of apiRoutes) {
      expect(paths[`/api/v1${route.path}`]?.[route.method.toLowerCase()], `${route.method} ${route.path}`).toBeDefined();
    }
  });

  it("matches the typed client the tests use", async () => {
    const generated = HEADER + astToString(await openapiTS(structuredClone(document) as never));
    if (process.env.UPDATE_API_TYPES === "1") fs.writeFileSync(TYPES_FILE, generated);
    expect(fs.readFileSync(TYPES_FILE, "utf8"), "run `npm run api:types`").toBe(generated);
  });
});
