/** The two scalars the generated types need beyond GraphQL's own. */
import { GraphQLError, GraphQLScalarType, Kind, valueFromASTUntyped } from "graphql";

/** An instant, ISO 8601 with a zone — what REST's JSON gives for the same field. */
export const DateTimeScalar = new GraphQLScalarType({
  name: "DateTime",
  description: "An instant, ISO 8601 with a zone (as in the REST API).",
  serialize(value) {
    if (value instanceof Date) return value.toISOString();
    if (typeof value === "string") return value;
    throw new GraphQLError("DateTime cannot represent this value.");
  },
  parseValue(value) {
    if (typeof value !== "string") throw new GraphQLError("Give a DateTime as an ISO 8601 string.");
    return value;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError("Give a DateTime as an ISO 8601 string.", { nodes: ast });
    return ast.value;
  },
});

/** Anything a zod schema allows that has no closer GraphQL type (the lib validates it). */
export const JSONScalar = new GraphQLScalarType({
  name: "JSON",
  description: "Any JSON value; validated by the server like the same field of the REST API.",
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
