/**
 * Sites: a name and the IANA time zone every site-local date (visits, windows, SAE clocks) is read
 * in. Only admins manage them (site.manage). A rename or a new zone applies to everyone's next request.
 */
import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { sites, type Site } from "@/db/schema";
import type { Actor } from "../actor";
import { isUniqueViolation } from "../db-errors";
import { ValidationError } from "../errors";
import { authorize } from "../policy";
import { createSiteSchema, updateSiteSchema } from "../validation/admin";
import { parseFor, write } from "../write/road";

export type SiteRow = Pick<Site, "id" | "name" | "timezone" | "version"> & { studyCount: number; staffCount: number };

/**
 * How many studies and active staff a site has, as columns of a select from `sites` (the admin's
 * list and the API's sites). Spelled out with table names: in a one-table select Drizzle leaves
 * columns unqualified, and an unqualified "id" inside the subquery would mean the subquery's own table.
 */
export const siteCounts = () => ({
  studyCount: sql<number>`(select count(*) from studies st where st.site_id = sites.id)`.mapWith(Number),
  staffCount: sql<number>`(select count(*) from users u where u.site_id = sites.id and u.status = 'active')`.mapWith(Number),
});

/** Every site with how many studies and active staff it has (one query). */
export async function listAdminSites(actor: Actor): Promise<SiteRow[]> {
  authorize(actor, "site.manage");
  const db = await getDb();
  return db
    .select({ id: sites.id, name: sites.name, timezone: sites.timezone, version: sites.version, ...siteCounts() })
    .from(sites)
    .orderBy(asc(sql`lower(${sites.name})`));
}

const NAME_TAKEN = new ValidationError("Please correct the highlighted fields.", { name: ["Another site already has this name."] });

export async function createSite(actor: Actor, input: unknown): Promise<Site> {
  const data = parseFor(actor, "site.manage", createSiteSchema, input);
  try {
    // A site's audit row carries its own id as the site (lib/write/entities.ts), so the audit log's site filter finds it.
    return await write(actor, "site.manage", (w) => w.insert("site", data));
  } catch (error) {
    if (isUniqueViolation(error)) throw NAME_TAKEN;
    throw error;
  }
}

export async function updateSite(actor: Actor, input: unknown): Promise<Site> {
  const { id, version, ...values } = parseFor(actor, "site.manage", updateSiteSchema, input);
  try {
    return await write(actor, "site.manage", async (w) => w.update(await w.load("site", id, { version }), values, { audit: "update" }));
  } catch (error) {
    if (isUniqueViolation(error)) throw NAME_TAKEN;
    throw error;
  }
}

/** For the edit form: one site (admins see every site, so no scope beyond the policy). */
export async function getAdminSite(actor: Actor, id: string): Promise<Site | null> {
  authorize(actor, "site.manage");
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const db = await getDb();
  const [row] = await db.select().from(sites).where(eq(sites.id, id));
  return row ?? null;
}
