/**
 * fast-check arbitraries derived from a JSON Schema (the OpenAPI document the app generates from
 * its zod schemas): well-typed values — uuids from the fixture's real records, enum members,
 * integers within the declared range, dates and instants — with hostile ones mixed in per field
 * (./payloads), and objects that now and then carry an unknown or prototype-polluting key.
 */
import fc from "fast-check";
import { HOSTILE_NUMBERS, HOSTILE_STRINGS, WRONG_TYPES } from "./payloads";

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  format?: string;
  pattern?: string;
  description?: string;
  default?: unknown;
};

export type SchemaContext = {
  /** components.schemas, for `$ref`. */
  components: Record<string, JsonSchema>;
  /** Real ids to use for a uuid field, so a value reaches past "not found" now and then. */
  uuids: readonly string[];
  /** For a uuid field by its name (`subjectId`…): the own-site record that lets a write go deep. */
  byKey?: Record<string, string>;
};

const hostileString = fc.constantFrom(...HOSTILE_STRINGS);
const hostileNumber = fc.constantFrom(...HOSTILE_NUMBERS);
const wrongType = fc.constantFrom(...WRONG_TYPES);

/** A value of anything hostile: for a field whose schema says nothing, or in place of a good one. */
export const anyHostile: fc.Arbitrary<unknown> = fc.oneof(hostileString, hostileNumber, wrongType, fc.jsonValue({ maxDepth: 3 }));

const dateText = fc.oneof(
  fc.date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom("2024-02-29", "2023-02-29", "1899-12-31", "2024-13-01"),
);
const instantText = fc.oneof(
  fc.date({ min: new Date("1990-01-01"), max: new Date("2060-01-01"), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ min: new Date("1990-01-01"), max: new Date("2060-01-01"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 16)),
);

function resolve(schema: JsonSchema, ctx: SchemaContext): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace("#/components/schemas/", "");
  return resolve(ctx.components[name] ?? {}, ctx);
}

function stringArbitrary(schema: JsonSchema, ctx: SchemaContext): fc.Arbitrary<string> {
  if (schema.format === "uuid") return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ctx.uuids) }, { weight: 1, arbitrary: fc.uuid() });
  const about = `${schema.description ?? ""}`;
  if (/instant|HH:mm/i.test(about)) return instantText;
  if (/YYYY-MM-DD/.test(about)) return dateText;
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern), { size: "xsmall" }).filter((s) => s.length <= (schema.maxLength ?? 200));
    } catch {
      // A pattern fast-check cannot generate from: plain text below.
    }
  }
  return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 60, 60), unit: "binary" });
}

/** Well-typed values for `schema` (no hostile mixing at this level; see `hostile`). */
export function validArbitrary(input: JsonSchema, ctx: SchemaContext, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(input, ctx);
  if (depth > 4) return fc.constant(null);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const arms = schema.anyOf ?? schema.oneOf;
  if (arms) return fc.oneof(...arms.map((arm) => validArbitrary(arm, ctx, depth + 1)));
  if (schema.allOf?.length) return validArbitrary(schema.allOf[0]!, ctx, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string":
      return stringArbitrary(schema, ctx);
    case "integer": {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1000);
      const max = Math.min(schema.maximum ?? 1000, min + 1000);
      return fc.integer({ min, max });
    }
    case "number":
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(validArbitrary(schema.items ?? {}, ctx, depth + 1), { maxLength: Math.min(schema.maxItems ?? 4, 4) });
    case "object":
      return objectArbitrary(schema, ctx, depth, false);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectArbitrary(schema: JsonSchema, ctx: SchemaContext, depth: number, hostileFields: boolean): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const record = Object.fromEntries(
    Object.entries(properties).map(([key, property]) => {
      const known = ctx.byKey?.[key];
      if (known && resolve(property, ctx).format === "uuid") {
        return [key, hostileFields ? fc.oneof({ weight: 3, arbitrary: fc.constant(known) }, { weight: 1, arbitrary: hostile(property, ctx, depth + 1) }) : fc.constant(known)];
      }
      return [key, hostileFields ? hostile(property, ctx, depth + 1) : validArbitrary(property, ctx, depth + 1)];
    }),
  );
  const base = fc.record(record, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
  if (!hostileFields) return base;
  // Now and then an unknown field, or a key that pollutes a naive merge.
  const extra = fc.option(fc.constantFrom("__proto__", "constructor", "prototype", "siteId", "isAdmin", "role", "id", "version", "x".repeat(300)), { freq: 4 });
  return fc.tuple(base, extra, anyHostile).map(([value, key, junk]) => {
    if (key === null) return value;
    const out: Record<string, unknown> = { ...value };
    Object.defineProperty(out, key, { value: junk, enumerable: true, configurable: true, writable: true });
    return out;
  });
}

/**
 * Mostly well-typed, with hostile values mixed in per field: the classic strings and numbers, a
 * value of the wrong type, or a field left out.
 */
export function hostile(input: JsonSchema, ctx: SchemaContext, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(input, ctx);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const good = type === "object" && depth < 4 ? objectArbitrary(schema, ctx, depth, true) : validArbitrary(schema, ctx, depth);
  const bad = type === "integer" || type === "number" ? fc.oneof(hostileNumber, wrongType, hostileString) : type === "string" || schema.enum ? fc.oneof(hostileString, wrongType) : anyHostile;
  return fc.oneof({ weight: 3, arbitrary: good }, { weight: 2, arbitrary: bad });
}
