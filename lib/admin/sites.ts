/**
 * Sites: a name and the IANA time zone every site-local date (visits, windows, SAE clocks) is read
 * in. Only admins manage them (site.manage). A rename or a new zone applies to everyone's next request.
 */
import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { sites, type Site } from "@/db/schema";
import type { Actor } from "../actor";
import { parseOrThrow } from "../action-state";
import { isUniqueViolation } from "../db-errors";
import { ValidationError } from "../errors";
import { authorize } from "../policy";
import { createSiteSchema, updateSiteSchema } from "../validation/admin";
import { updateVersioned } from "../versioned";
import { recordChange, transact } from "../write";

export type SiteRow = Pick<Site, "id" | "name" | "timezone" | "version"> & { studyCount: number; staffCount: number };

/** Every site with how many studies and active staff it has (one query). */
export async function listAdminSites(actor: Actor): Promise<SiteRow[]> {
  authorize(actor, "site.manage");
  const db = await getDb();
  return db
    .select({
      id: sites.id,
      name: sites.name,
      timezone: sites.timezone,
      version: sites.version,
      // Spelled out with table names: in a one-table select Drizzle leaves columns unqualified,
      // and an unqualified "id" inside the subquery would mean the subquery's own table.
      studyCount: sql<number>`(select count(*) from studies st where st.site_id = sites.id)`.mapWith(Number),
      staffCount: sql<number>`(select count(*) from users u where u.site_id = sites.id and u.status = 'active')`.mapWith(Number),
    })
    .from(sites)
    .orderBy(asc(sql`lower(${sites.name})`));
}

const NAME_TAKEN = new ValidationError("Please correct the highlighted fields.", { name: ["Another site already has this name."] });

/** A site's audit row carries its own id as the site, so the audit log filters by site find it. */
const audited = (s: Site) => ({ ...s, siteId: s.id, studyId: null });

export async function createSite(actor: Actor, input: unknown): Promise<Site> {
  authorize(actor, "site.manage");
  const data = parseOrThrow(createSiteSchema, input);
  try {
    return await transact(async (tx) => {
      const [created] = await tx.insert(sites).values(data).returning();
      await recordChange(tx, actor, { entity: "site", action: "create", before: null, after: audited(created!) });
      return created!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw NAME_TAKEN;
    throw error;
  }
}

export async function updateSite(actor: Actor, input: unknown): Promise<Site> {
  authorize(actor, "site.manage");
  const { id, version, ...values } = parseOrThrow(updateSiteSchema, input);
  try {
    return await transact(async (tx) => {
      const { before, after } = await updateVersioned(tx, sites, id, version, values);
      await recordChange(tx, actor, { entity: "site", action: "update", before: audited(before), after: audited(after) });
      return after;
    });
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
