/**
 * Limits on what one GraphQL request may ask for, checked while validating (before any SQL):
 * - depth: how deeply fields nest (`subjects { data { study { id } } }` is 4 deep);
 * - cost: every field counts once, and the fields of a connection's `data` once per row it may
 *   return — the `limit` argument (REST's default when absent; the maximum when it is a variable,
 *   because validation runs before variables are known).
 * Introspection fields (`__schema`, `__type`, `__typename`) count for neither; only signed-in
 * users reach validation at all.
 */
import {
  GraphQLError,
  Kind,
  getNamedType,
  isInterfaceType,
  isObjectType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type SelectionSetNode,
  type ValidationRule,
} from "graphql";
import { MAX_LIMIT } from "../api/list";

export const DEFAULT_LIMITS = { maxDepth: 8, maxCost: 10_000 };
/** REST's page size when `limit` is not given (lib/api/list.ts). */
const DEFAULT_PAGE = 50;

function fieldsOf(set: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): FieldNode[] {
  const out: FieldNode[] = [];
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) out.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) out.push(...fieldsOf(selection.selectionSet, fragments, seen));
    else if (!seen.has(selection.name.value)) {
      // A fragment cycle is reported by graphql's own NoFragmentCycles rule; here it just stops.
      seen.add(selection.name.value);
      out.push(...fieldsOf(fragments.get(selection.name.value)?.selectionSet, fragments, new Set(seen)));
    }
  }
  return out;
}

function fragmentMap(context: Parameters<ValidationRule>[0]) {
  const map = new Map<string, FragmentDefinitionNode>();
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) map.set(definition.name.value, definition);
  }
  return map;
}

const isIntrospection = (field: FieldNode) => field.name.value.startsWith("__");

/** Rules are cached by name (yoga's validation cache), so each limit gets its own. */
const named = (name: string, rule: ValidationRule): ValidationRule => Object.defineProperty(rule, "name", { value: name });

export function depthLimitRule(maxDepth: number): ValidationRule {
  return named(`DepthLimit${maxDepth}`, (context) => {
    const fragments = fragmentMap(context);
    const depth = (set: SelectionSetNode | undefined, level: number): number => {
      if (level > maxDepth) return level; // deep enough to refuse: stop walking
      let deepest = level;
      for (const field of fieldsOf(set, fragments)) {
        if (isIntrospection(field)) continue;
        deepest = Math.max(deepest, field.selectionSet ? depth(field.selectionSet, level + 1) : level + 1);
      }
      return deepest;
    };
    return {
      OperationDefinition(node) {
        const measured = depth(node.selectionSet, 0);
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

function limitOf(field: FieldNode): number {
  const arg = field.arguments?.find((a) => a.name.value === "limit");
  if (!arg) return DEFAULT_PAGE;
  if (arg.value.kind === Kind.INT) return Math.max(1, Math.min(MAX_LIMIT, Number(arg.value.value)));
  return MAX_LIMIT;
}

const isConnection = (type: GraphQLNamedType) => isObjectType(type) && type.name.endsWith("Connection") && "data" in type.getFields();

export function costLimitRule(maxCost: number): ValidationRule {
  return named(`CostLimit${maxCost}`, (context) => {
    const fragments = fragmentMap(context);
    const schema = context.getSchema();
    /** Cost of a selection on `parent`; `rows` multiplies the `data` field of a connection. */
    const cost = (set: SelectionSetNode | undefined, parent: GraphQLNamedType | null | undefined, rows: number): number => {
      if (!parent || !(isObjectType(parent) || isInterfaceType(parent))) return 0;
      let total = 0;
      for (const field of fieldsOf(set, fragments)) {
        if (isIntrospection(field)) continue;
        const definition = parent.getFields()[field.name.value];
        if (!definition) continue; // unknown fields are reported by graphql's own rules
        const type = getNamedType(definition.type);
        const children = cost(field.selectionSet, type, isConnection(type) ? limitOf(field) : 1);
        const perRow = isConnection(parent) && field.name.value === "data" ? rows : 1;
        total += 1 + perRow * children;
        if (total > maxCost) return total;
      }
      return total;
    };
    return {
      OperationDefinition(node) {
        const root = node.operation === "mutation" ? schema.getMutationType() : node.operation === "subscription" ? schema.getSubscriptionType() : schema.getQueryType();
        const measured = cost(node.selectionSet, root, 1);
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
