/** Sign-up: creates a pending account that reaches no clinical data until an admin activates it. */
import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { parseOrThrow } from "../action-state";
import { constraintName, isUniqueViolation } from "../db-errors";
import { ValidationError } from "../errors";
import { hashPassword } from "../password";
import { signupSchema, type SignupInput } from "../validation/user";
import { writeAsSystem } from "../write/road";

export async function signUp(input: SignupInput, clientAddress: string | null) {
  const data = parseOrThrow(signupSchema, input);
  const db = await getDb();
  const taken = await db
    .select({
      username: sql<boolean>`lower(${users.username}) = lower(${data.username})`,
      email: sql<boolean>`lower(${users.email}) = lower(${data.email})`,
    })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${data.username}) or lower(${users.email}) = lower(${data.email})`);
  if (taken.length > 0) throw takenError(taken.some((t) => t.username), taken.some((t) => t.email));

  const passwordHash = await hashPassword(data.password);
  try {
    // Nobody is signed in: the new account is the audit row's author.
    const created = await writeAsSystem(null, (w) =>
      w.insert(
        "user",
        { username: data.username, email: data.email, displayName: data.displayName, role: data.role, password: passwordHash, status: "pending" },
        { audit: "signup", omit: ["id", "password", "siteId"], author: (row) => ({ id: String(row.id), username: String(row.username) }), clientAddress },
      ),
    );
    return { id: created.id, username: created.username, role: created.role, status: created.status };
  } catch (error) {
    // Two sign-ups racing for one name: the unique index decides; say so beside the field.
    if (isUniqueViolation(error)) {
      const c = constraintName(error) ?? "";
      throw takenError(c.includes("username"), c.includes("email") || !c.includes("username"));
    }
    throw error;
  }
}

function takenError(username: boolean, email: boolean) {
  const fieldErrors: Record<string, string[]> = {};
  if (username) fieldErrors.username = ["That username is taken; choose another."];
  if (email) fieldErrors.email = ["An account with this email already exists."];
  return new ValidationError("Please correct the highlighted fields.", fieldErrors);
}
