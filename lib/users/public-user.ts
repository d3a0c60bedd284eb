/**
 * A users row as it may leave the server: never the password hash. A version conflict on a user
 * carries the current row to the form (ConflictError.current), so it goes through here first.
 */
import "server-only";
import { getTableColumns } from "drizzle-orm";
import { users } from "@/db/schema";
import { ConflictError } from "../errors";

type UserRecord = typeof users.$inferSelect;

export const publicUser = ({ password: _p, ...rest }: UserRecord): Omit<UserRecord, "password"> => (void _p, rest);

/** The same shape as a selection, for reads (the API's users): the hash never leaves the database. */
export const publicUserColumns = (({ password: _p, ...rest }) => (void _p, rest))(getTableColumns(users));

/** Rethrows a conflict without the hash; any other error unchanged. */
export function withoutPasswordHash(error: unknown): never {
  if (error instanceof ConflictError && error.current) {
    throw new ConflictError(error.message, publicUser(error.current as UserRecord));
  }
  throw error;
}
