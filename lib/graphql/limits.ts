/**
 * Limits on what one GraphQL request may ask for, checked while validating (before any SQL):
 * - depth: how deeply fields nest (`subjects { data { study { id } } }` is 4 deep);
 * - cost: every field counts once, and the fields of a connection's `data` once per row it may
 *   return — the `limit` argument (REST's default when absent; the maximum when it is a variable,
 *   because validation runs before variables are known);
 * - aliases and fields: how many aliased fields, and how many fields at all, the operation selects
 *   (a fragment counts as often as it is spread). Without these, ~2,000 cheap aliased fields fit
 *   under the cost limit in one request.
 * The cost of the operation that runs is also what the request is charged against the per-user
 * rate limit (see ./rate-cost.ts).
 * Introspection fields (`__schema`, `__type`, `__typename`) count for none of these; only signed-in
 * users reach validation at all.
 *
 * Every measure walks each named fragment once per context and reuses the result, so a document
 * that spreads fragments into one another many times over (a "fragment bomb") costs linear time.
 */
import {
  GraphQLError,
  Kind,
  getNamedType,
  getOperationAST,
  isInterfaceType,
  isObjectType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from "graphql";
import { MAX_LIMIT } from "../api/list";

export const DEFAULT_LIMITS = { maxDepth: 8, maxCost: 10_000, maxAliases: 30, maxFields: 500, costPerToken: 100 };

/**
 * Brackets nested deeper than this are refused before parsing: graphql-js parses by recursion, and
 * about 2,000 levels (`{ a { a { … } } }`, or a list or object argument) overflow the stack — a
 * 500 instead of an answer (found by tests/fuzz/graphql.test.ts). The depth limit (maxDepth) runs
 * after the parse, too late for that.
 */
export const MAX_NESTING = 64;

/** How deeply `{`, `(` and `[` nest in a GraphQL text, outside strings and comments. */
export function nestingDepth(source: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "#") {
      while (i < source.length && source[i] !== "\n" && source[i] !== "\r") i++;
    } else if (c === '"') {
      if (source.startsWith('"""', i)) {
        const end = source.indexOf('"""', i + 3);
        i = end === -1 ? source.length : end + 2;
      } else {
        for (i++; i < source.length && source[i] !== '"' && source[i] !== "\n"; i++) if (source[i] === "\\") i++;
      }
    } else if (c === "{" || c === "(" || c === "[") {
      deepest = Math.max(deepest, ++depth);
    } else if (c === "}" || c === ")" || c === "]") {
      depth--;
    }
  }
  return deepest;
}
/** REST's page size when `limit` is not given (lib/api/list.ts). */
const DEFAULT_PAGE = 50;

type Fragments = Map<string, FragmentDefinitionNode>;

/** The fields of a selection set (inline fragments flattened) and the named fragments it spreads. */
function partsOf(set: SelectionSetNode | undefined, out: { fields: FieldNode[]; spreads: string[] } = { fields: [], spreads: [] }) {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) out.fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) partsOf(selection.selectionSet, out);
    else out.spreads.push(selection.name.value);
  }
  return out;
}

/**
 * A measure of selection sets, summed (or maxed) over fields and spread fragments, with each
 * fragment's value remembered per `key` (its context). A fragment cycle is reported by graphql's
 * own NoFragmentCycles rule; here a fragment met again inside itself counts as nothing.
 */
function memoized<C>(fragments: Fragments, key: (context: C) => string) {
  const memo = new Map<string, number>();
  const active = new Set<string>();
  return (name: string, context: C, measure: (set: SelectionSetNode, context: C) => number): number => {
    const fragment = fragments.get(name);
    const id = `${name}\u0000${key(context)}`;
    if (!fragment || active.has(id)) return 0;
    const known = memo.get(id);
    if (known !== undefined) return known;
    active.add(id);
    const value = measure(fragment.selectionSet, context);
    active.delete(id);
    memo.set(id, value);
    return value;
  };
}

function fragmentMap(document: DocumentNode): Fragments {
  const map: Fragments = new Map();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) map.set(definition.name.value, definition);
  }
  return map;
}

const isIntrospection = (field: FieldNode) => field.name.value.startsWith("__");

/** Rules are cached by name (yoga's validation cache), so each limit gets its own. */
const named = (name: string, rule: ValidationRule): ValidationRule => Object.defineProperty(rule, "name", { value: name });

/** How many levels deep the selection nests (introspection aside). */
function depthOf(fragments: Fragments) {
  const fragment = memoized<null>(fragments, () => "");
  const depth = (set: SelectionSetNode): number => {
    const { fields, spreads } = partsOf(set);
    let deepest = 0;
    for (const field of fields) {
      if (isIntrospection(field)) continue;
      deepest = Math.max(deepest, 1 + (field.selectionSet ? depth(field.selectionSet) : 0));
    }
    for (const name of spreads) deepest = Math.max(deepest, fragment(name, null, depth));
    return deepest;
  };
  return depth;
}

export function depthLimitRule(maxDepth: number): ValidationRule {
  return named(`DepthLimit${maxDepth}`, (context) => {
    const depth = depthOf(fragmentMap(context.getDocument()));
    return {
      OperationDefinition(node) {
        const measured = depth(node.selectionSet);
        if (measured > maxDepth) {
          context.reportError(
            new GraphQLError(`This query nests fields more than ${maxDepth} levels deep; ask for less nested data.`, {
              nodes: node,
              extensions: { code: "QUERY_TOO_DEEP", maxDepth },
            }),
          );
        }
      },
    };
  });
}

/** How many fields, and how many of them aliased, the selection holds (introspection aside). */
function sizeOf(fragments: Fragments) {
  const fieldsMemo = memoized<null>(fragments, () => "");
  const aliasesMemo = memoized<null>(fragments, () => "");
  const count = (set: SelectionSetNode, aliases: boolean): number => {
    const { fields, spreads } = partsOf(set);
    let total = 0;
    for (const field of fields) {
      if (isIntrospection(field)) continue;
      total += (aliases ? (field.alias ? 1 : 0) : 1) + (field.selectionSet ? count(field.selectionSet, aliases) : 0);
    }
    for (const name of spreads) total += (aliases ? aliasesMemo : fieldsMemo)(name, null, (s) => count(s, aliases));
    return total;
  };
  return { fields: (set: SelectionSetNode) => count(set, false), aliases: (set: SelectionSetNode) => count(set, true) };
}

export function aliasLimitRule(maxAliases: number): ValidationRule {
  return named(`AliasLimit${maxAliases}`, (context) => {
    const size = sizeOf(fragmentMap(context.getDocument()));
    return {
      OperationDefinition(node) {
        if (size.aliases(node.selectionSet) > maxAliases) {
          context.reportError(
            new GraphQLError(`This query uses more than ${maxAliases} aliases; ask for fewer fields under other names, or send several requests.`, {
              nodes: node,
              extensions: { code: "QUERY_TOO_MANY_ALIASES", maxAliases },
            }),
          );
        }
      },
    };
  });
}

export function fieldLimitRule(maxFields: number): ValidationRule {
  return named(`FieldLimit${maxFields}`, (context) => {
    const size = sizeOf(fragmentMap(context.getDocument()));
    return {
      OperationDefinition(node) {
        if (size.fields(node.selectionSet) > maxFields) {
          context.reportError(
            new GraphQLError(`This query selects more than ${maxFields} fields; ask for fewer fields, or send several requests.`, {
              nodes: node,
              extensions: { code: "QUERY_TOO_MANY_FIELDS", maxFields },
            }),
          );
        }
      },
    };
  });
}

function limitOf(field: FieldNode): number {
  const arg = field.arguments?.find((a) => a.name.value === "limit");
  if (!arg) return DEFAULT_PAGE;
  if (arg.value.kind === Kind.INT) return Math.max(1, Math.min(MAX_LIMIT, Number(arg.value.value)));
  return MAX_LIMIT;
}

const isConnection = (type: GraphQLNamedType) => isObjectType(type) && type.name.endsWith("Connection") && "data" in type.getFields();

/** The cost of an operation's selection: each field once, a connection's `data` once per row. */
function costOf(schema: GraphQLSchema, fragments: Fragments) {
  type Context = { parent: GraphQLNamedType; rows: number };
  const fragment = memoized<Context>(fragments, (c) => `${c.parent.name}\u0000${c.rows}`);
  const cost = (set: SelectionSetNode | undefined, parent: GraphQLNamedType | null | undefined, rows: number): number => {
    if (!set || !parent || !(isObjectType(parent) || isInterfaceType(parent))) return 0;
    const { fields, spreads } = partsOf(set);
    let total = 0;
    for (const field of fields) {
      if (isIntrospection(field)) continue;
      const definition = parent.getFields()[field.name.value];
      if (!definition) continue; // unknown fields are reported by graphql's own rules
      const type = getNamedType(definition.type);
      const children = cost(field.selectionSet, type, isConnection(type) ? limitOf(field) : 1);
      const perRow = isConnection(parent) && field.name.value === "data" ? rows : 1;
      total += 1 + perRow * children;
    }
    for (const name of spreads) total += fragment(name, { parent, rows }, (s, c) => cost(s, c.parent, c.rows));
    return total;
  };
  return (operation: OperationDefinitionNode) => {
    const root =
      operation.operation === "mutation" ? schema.getMutationType() : operation.operation === "subscription" ? schema.getSubscriptionType() : schema.getQueryType();
    return cost(operation.selectionSet, root, 1);
  };
}

/** The cost of the operation a request runs (0 when the document names none that exists). */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): number {
  const operation = getOperationAST(document, operationName);
  return operation ? costOf(schema, fragmentMap(document))(operation) : 0;
}

export function costLimitRule(maxCost: number): ValidationRule {
  return named(`CostLimit${maxCost}`, (context) => {
    const cost = costOf(context.getSchema(), fragmentMap(context.getDocument()));
    return {
      OperationDefinition(node) {
        const measured = cost(node);
        if (measured > maxCost) {
          context.reportError(
            new GraphQLError(
              `This query may cost more than ${maxCost} (each field counts once per row a list may return, by its \`limit\`; a \`limit\` given as a variable counts as ${MAX_LIMIT}). Ask for fewer fields or smaller pages.`,
              { nodes: node, extensions: { code: "QUERY_TOO_COSTLY", maxCost } },
            ),
          );
        }
      },
    };
  });
}
