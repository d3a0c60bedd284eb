/**
 * GraphQL types generated from the very zod schemas REST validates and documents with (through
 * zod's JSON Schema), so a field added to a resource appears in both APIs and neither can drift.
 * Output types follow the schema's nullability; input fields are all optional in GraphQL because
 * the lib's zod schema decides what is required — and says so per field, like REST does.
 */
import {
  GraphQLBoolean,
  GraphQLFloat,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfigArgumentMap,
  type GraphQLFieldConfigMap,
  type GraphQLInputFieldConfigMap,
  type GraphQLInputType,
  type GraphQLOutputType,
} from "graphql";
import { z } from "zod";
import { DateTimeScalar, JSONScalar } from "./scalars";

type Json = {
  type?: string | string[];
  properties?: Record<string, Json>;
  required?: string[];
  items?: Json;
  anyOf?: Json[];
  oneOf?: Json[];
  enum?: unknown[];
  format?: string;
  description?: string;
  $ref?: string;
  $defs?: Record<string, Json>;
};

const jsonSchema = (schema: z.ZodType, io: "input" | "output") =>
  z.toJSONSchema(schema, { io, unrepresentable: "any", reused: "inline" }) as Json;

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Structural identity of an object schema, ignoring documentation. */
function shapeKey(schema: Json): string {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([k]) => k !== "description" && k !== "$schema")
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => [k, strip(v)]),
      );
    }
    return value;
  };
  return JSON.stringify(strip(schema));
}

/** `T | null` → T and whether null is allowed. */
function unwrapNull(schema: Json): { schema: Json; nullable: boolean } {
  if (Array.isArray(schema.type) && schema.type.includes("null")) {
    const rest = schema.type.filter((t) => t !== "null");
    return { schema: { ...schema, type: rest.length === 1 ? rest[0] : rest }, nullable: true };
  }
  const union = schema.anyOf ?? schema.oneOf;
  if (union) {
    const rest = union.filter((s) => s.type !== "null");
    if (rest.length === 1 && union.length === 2) {
      return { schema: { ...rest[0]!, description: schema.description ?? rest[0]!.description }, nullable: true };
    }
  }
  if (schema.enum?.includes(null)) return { schema: { ...schema, enum: schema.enum.filter((v) => v !== null) }, nullable: true };
  return { schema, nullable: false };
}

function describe(schema: Json): string | undefined {
  const values = schema.enum?.filter((v) => typeof v === "string");
  const choices = values && values.length > 0 ? `One of: ${values.join(", ")}.` : undefined;
  return [schema.description, choices].filter(Boolean).join(" ") || undefined;
}

export class TypeFactory {
  private readonly outputs = new Map<string, GraphQLObjectType>();
  private readonly inputs = new Map<string, GraphQLInputObjectType>();
  private readonly named = new Map<string, string>();

  /** Embedded records shared by several resources get one name (e.g. `SubjectSummary`). */
  constructor(shared: Record<string, z.ZodType> = {}) {
    for (const [name, schema] of Object.entries(shared)) this.named.set(shapeKey(jsonSchema(schema, "output")), name);
  }

  /** The GraphQL object type of a zod object schema, named `name`. */
  output(name: string, schema: z.ZodType): GraphQLObjectType {
    const root = jsonSchema(schema, "output");
    return this.objectType(name, this.deref(root, root.$defs), root.$defs);
  }

  /** A GraphQL input type for a zod object schema (a request body). */
  input(name: string, schema: z.ZodType): GraphQLInputObjectType {
    const root = jsonSchema(schema, "input");
    return this.inputType(name, this.deref(root, root.$defs), root.$defs);
  }

  /**
   * Arguments for a list query (filters, order, limit, cursor — not `include`, which the server
   * derives from the selection) and the function that turns them back into REST's query object.
   */
  listArgs(name: string, schema: z.ZodType): { args: GraphQLFieldConfigArgumentMap; toQuery: (args: Record<string, unknown>) => Record<string, unknown> } {
    const root = jsonSchema(schema, "input");
    const body = this.deref(root, root.$defs);
    const args: GraphQLFieldConfigArgumentMap = {};
    const booleans = new Set<string>();
    for (const [field, property] of Object.entries(body.properties ?? {})) {
      if (field === "include") continue;
      const { schema: prop } = unwrapNull(this.deref(property, root.$defs));
      let type: GraphQLInputType;
      if (field === "limit") type = GraphQLInt;
      else if (prop.enum && prop.enum.length === 2 && prop.enum.includes("true") && prop.enum.includes("false")) {
        type = GraphQLBoolean;
        booleans.add(field);
      } else type = this.inputLeaf(`${name}${capitalize(field)}`, prop, root.$defs);
      args[field] = { type, description: booleans.has(field) ? prop.description : describe(prop) };
    }
    const toQuery = (values: Record<string, unknown>) => {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(values)) {
        if (value === undefined || value === null) continue;
        out[key] = booleans.has(key) ? String(value) : value;
      }
      return out;
    };
    return { args, toQuery };
  }

  private deref(schema: Json, defs: Record<string, Json> | undefined): Json {
    if (schema.$ref) {
      const target = defs?.[schema.$ref.replace("#/$defs/", "")];
      if (target) return { ...target, description: schema.description ?? target.description };
    }
    return schema;
  }

  private objectType(name: string, schema: Json, defs: Record<string, Json> | undefined): GraphQLObjectType {
    const existing = this.outputs.get(name);
    if (existing) return existing;
    const required = new Set(schema.required ?? []);
    const type: GraphQLObjectType = new GraphQLObjectType({
      name,
      description: schema.description,
      fields: () => {
        const fields: GraphQLFieldConfigMap<unknown, unknown> = {};
        for (const [field, property] of Object.entries(schema.properties ?? {})) {
          const { schema: prop, nullable } = unwrapNull(property);
          const leaf = this.outputLeaf(name, field, prop, defs);
          fields[field] = { type: required.has(field) && !nullable ? new GraphQLNonNull(leaf) : leaf, description: describe(prop) };
        }
        return fields;
      },
    });
    this.outputs.set(name, type);
    return type;
  }

  private outputLeaf(parent: string, field: string, schema: Json, defs: Record<string, Json> | undefined): GraphQLOutputType {
    if (schema.$ref) return this.objectType(schema.$ref.replace("#/$defs/", ""), this.deref(schema, defs), defs);
    const type = Array.isArray(schema.type) ? undefined : schema.type;
    if (type === "object" && schema.properties) {
      const name = this.named.get(shapeKey(schema)) ?? `${parent}${capitalize(field)}`;
      return this.objectType(name, schema, defs);
    }
    if (type === "array" && schema.items) {
      const { schema: item, nullable } = unwrapNull(schema.items);
      const leaf = this.outputLeaf(parent, field, item, defs);
      return new GraphQLList(nullable ? leaf : new GraphQLNonNull(leaf));
    }
    if (type === "string") return schema.format === "date-time" ? DateTimeScalar : field === "id" ? GraphQLID : GraphQLString;
    if (type === "integer") return GraphQLInt;
    if (type === "number") return GraphQLFloat;
    if (type === "boolean") return GraphQLBoolean;
    if (!type && schema.enum?.every((v) => typeof v === "string")) return GraphQLString;
    return JSONScalar;
  }

  private inputType(name: string, schema: Json, defs: Record<string, Json> | undefined): GraphQLInputObjectType {
    const existing = this.inputs.get(name);
    if (existing) return existing;
    const type: GraphQLInputObjectType = new GraphQLInputObjectType({
      name,
      description: schema.description,
      fields: () => {
        const fields: GraphQLInputFieldConfigMap = {};
        for (const [field, property] of Object.entries(schema.properties ?? {})) {
          const { schema: prop } = unwrapNull(this.deref(property, defs));
          fields[field] = { type: this.inputLeaf(`${name.replace(/Input$/, "")}${capitalize(field)}Input`, prop, defs), description: describe(prop) };
        }
        return fields;
      },
    });
    this.inputs.set(name, type);
    return type;
  }

  private inputLeaf(name: string, schema: Json, defs: Record<string, Json> | undefined): GraphQLInputType {
    const type = Array.isArray(schema.type) ? undefined : schema.type;
    if (type === "object" && schema.properties) return this.inputType(name, schema, defs);
    if (type === "array" && schema.items) return new GraphQLList(this.inputLeaf(name, unwrapNull(this.deref(schema.items, defs)).schema, defs));
    if (type === "string") return GraphQLString;
    if (type === "integer") return GraphQLInt;
    if (type === "number") return GraphQLFloat;
    if (type === "boolean") return GraphQLBoolean;
    if (!type && schema.enum?.every((v) => typeof v === "string")) return GraphQLString;
    return JSONScalar;
  }
}
