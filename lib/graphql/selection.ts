/**
 * Which fields a query selects under the current field — so a list asks its one SQL query to join
 * exactly the embeds (`include`) the client selected, instead of a query per row.
 */
import { Kind, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";

function collect(set: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, out: FieldNode[], seen: Set<string>) {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) out.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet, fragments, out, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      collect(fragments[selection.name.value]?.selectionSet, fragments, out, seen);
    }
  }
}

/** Names of the fields selected at `path` below the resolving field (e.g. ["data"] of a connection). */
export function selectedFieldNames(info: Pick<GraphQLResolveInfo, "fieldNodes" | "fragments">, path: string[] = []): Set<string> {
  let nodes: FieldNode[] = [...info.fieldNodes];
  for (const step of path) {
    const next: FieldNode[] = [];
    for (const node of nodes) {
      const children: FieldNode[] = [];
      collect(node.selectionSet, info.fragments, children, new Set());
      next.push(...children.filter((child) => child.name.value === step));
    }
    nodes = next;
  }
  const names = new Set<string>();
  for (const node of nodes) {
    const children: FieldNode[] = [];
    collect(node.selectionSet, info.fragments, children, new Set());
    for (const child of children) names.add(child.name.value);
  }
  return names;
}

/** The embeds a resource offers that the query selected, as REST's `include` parameter. */
export function includeFrom(info: Pick<GraphQLResolveInfo, "fieldNodes" | "fragments">, offered: readonly string[], path: string[] = []): string[] {
  const selected = selectedFieldNames(info, path);
  return offered.filter((name) => selected.has(name));
}
