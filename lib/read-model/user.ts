/**
 * People as other records show them (a subject's coordinator, a note's author, a screening's
 * completer): staff, never a subject, so nothing here is withheld. Each role a person plays in a
 * query is its own alias, so one query can join several.
 */
import "server-only";
import type { SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import { users } from "@/db/schema";

export const coordinator = alias(users, "coordinator");
export const completedBy = alias(users, "completed_by");
export const reporter = alias(users, "ae_reporter");
export const assessor = alias(users, "ae_assessor");
export const signer = alias(users, "ae_signer");
export const author = alias(users, "note_author");
export const principalInvestigator = alias(users, "principal_investigator");
export const taskAssignee = alias(users, "task_assignee");
export const taskCloser = alias(users, "task_closer");

type UserTable = { id: AnyPgColumn<{ data: string }>; username: AnyPgColumn<{ data: string }>; displayName: AnyPgColumn<{ data: string }> };

/** A person embedded in another record (the API's `include`). */
export function userEmbed<T extends UserTable>(table: T) {
  return { id: table.id, username: table.username, displayName: table.displayName };
}

/** The include of a person a record names (its coordinator, author, …): the join to their alias and their embed. */
export function personInclude<T extends UserTable>(join: readonly [T, SQL]) {
  return { join, fields: () => userEmbed(join[0]) };
}
