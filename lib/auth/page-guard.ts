/**
 * Pages and layouts ask lib/policy.ts through here, so a refusal renders the right page:
 * a foreign or missing record → 404, a role that may not → 403, no session → sign-in.
 */
import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import type { Actor } from "../actor";
import { decide, type Action, type Resource } from "../policy";

export function guard(actor: Actor | null, action: Action, resource?: Resource): asserts actor is Actor {
  const decision = decide(actor, action, resource);
  if (decision === "allow") return;
  if (decision === "unauthenticated") redirect("/login");
  if (decision === "not_found") notFound();
  forbidden();
}
