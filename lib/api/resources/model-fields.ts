/**
 * An API resource's JSON fields, derived from its read model: each column's type from
 * db/schema.ts (a uuid, an instant, a calendar date, one of its enum's values…), nullable where the
 * column is or where the read model de-identifies it — so the schema the API documents cannot
 * disagree with the table or with what a sponsor is sent. The queries select the same keys with
 * `model.pick(actor, keys)`, so one key list says what a resource carries.
 */
import { z } from "zod";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Deidentify } from "../../read-model/model";
import { calendarDate, instant, uuid } from "./json-types";

type Model = { columns: Record<string, AnyPgColumn>; identifying: Readonly<Record<string, Deidentify | undefined>> };

/** What a sponsor sees, said once for every de-identified field. */
const SPONSOR_NOTE: Record<Deidentify, string> = {
  withhold: "Null for sponsors.",
  year: "YYYY-MM-DD; the year only for sponsors.",
};

/** The JSON type of a column's value (Drizzle's column classes, as `columnType` names them). */
function jsonType(column: AnyPgColumn): z.ZodType {
  const c = column as AnyPgColumn & { enumValues?: [string, ...string[]]; baseColumn?: AnyPgColumn };
  switch (c.columnType) {
    case "PgUUID":
      return uuid;
    case "PgText":
    case "PgVarchar":
      return c.enumValues ? z.enum(c.enumValues) : z.string();
    case "PgEnumColumn":
      return z.enum(c.enumValues!);
    case "PgBoolean":
      return z.boolean();
    case "PgSmallInt":
    case "PgInteger":
    case "PgBigInt53":
      return z.number().int();
    case "PgTimestamp":
      return instant;
    case "PgDateString":
      return calendarDate;
    case "PgArray":
      return z.array(jsonType(c.baseColumn!));
    default:
      // A new column kind must be mapped here before an API resource may carry it.
      throw new Error(`No JSON type for ${c.columnType} (${c.name})`);
  }
}

/**
 * The zod fields of `keys`, in that order. `notes` describe fields for the OpenAPI document; a
 * de-identified field's description ends with what sponsors get.
 */
export function modelFields<M extends Model, const K extends keyof M["columns"] & string>(
  model: M,
  keys: readonly K[],
  notes: Partial<Record<K, string>> = {},
): Record<K, z.ZodType> {
  const fields = {} as Record<K, z.ZodType>;
  for (const key of keys) {
    const column = model.columns[key]!;
    const how = model.identifying[key];
    // A year-only date of birth is no longer a calendar date.
    let field: z.ZodType = how === "year" ? z.string() : jsonType(column);
    if (how || !column.notNull) field = field.nullable();
    const note = [notes[key], how && SPONSOR_NOTE[how]].filter(Boolean).join(" ");
    fields[key] = note ? field.describe(note) : field;
  }
  return fields;
}

/**
 * The output schema of a resource that carries its model's fields and nothing else (the
 * administration's resources, a person's tokens), under its name `id` in the OpenAPI document.
 */
export function modelSchema<M extends Model, const K extends keyof M["columns"] & string>(
  id: string,
  model: M,
  keys: readonly K[],
  notes: Partial<Record<K, string>> = {},
) {
  return z.object(modelFields(model, keys, notes)).meta({ id });
}
