/**
 * The checks after a load (and after each fault): what the answers said against what the database
 * holds. Each returns a list of failures (empty = passed). The database is read through `query`
 * (postgres.js on PostgreSQL, PGlite on an embedded directory once its server is stopped).
 */
import postgres from "postgres";

/** A `query(text, params)` on a PostgreSQL URL or a PGlite directory; `close()` when done. */
export async function openQuery({ databaseUrl, pgliteDir }) {
  if (databaseUrl) {
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    return { query: (text, params = []) => sql.unsafe(text, params), close: () => sql.end() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const db = new PGlite(pgliteDir);
  return { query: async (text, params = []) => (await db.query(text, params)).rows, close: () => db.close() };
}

// The audited tables a load writes, with their entity name in audit rows.
const CREATED = [
  { table: "visits", entity: "visit" },
  { table: "subject_notes", entity: "subject_note" },
  { table: "screenings", entity: "screening" },
];
const VERSIONED = [
  { table: "adverse_events", entity: "adverse_event" },
  { table: "subjects", entity: "subject" },
];

/** What the checks compare against: the audit head, the rows that exist and their versions, before the load. */
export async function snapshot(q) {
  const [{ seq }] = await q.query("select coalesce(max(seq), 0)::bigint as seq from audit_events");
  const snap = { seq: Number(seq), ids: {}, versions: {} };
  for (const { table } of CREATED) snap.ids[table] = new Set((await q.query(`select id from ${table}`)).map((r) => r.id));
  for (const { table } of VERSIONED) snap.versions[table] = new Map((await q.query(`select id, version from ${table}`)).map((r) => [r.id, Number(r.version)]));
  return snap;
}

/**
 * Both or neither: every row created since the snapshot has exactly one `create` audit row, every
 * `create` audit row since then names a row that exists, and every versioned row moved by exactly
 * as many versions as it has audit rows since then. Holds whatever the clients saw (a write cut off
 * mid-answer may have committed), so it is the check after a fault.
 */
export async function bothOrNeither(q, snap) {
  const failures = [];
  for (const { table, entity } of CREATED) {
    const rows = (await q.query(`select id from ${table}`)).map((r) => r.id).filter((id) => !snap.ids[table].has(id));
    const audits = await q.query(`select entity_id, count(*)::int as n from audit_events where seq > $1 and entity = $2 and action = 'create' group by entity_id`, [snap.seq, entity]);
    const audited = new Map(audits.map((r) => [r.entity_id, Number(r.n)]));
    const created = new Set(rows);
    for (const id of rows) if (audited.get(id) !== 1) failures.push(`${table} ${id}: ${audited.get(id) ?? 0} create audit rows (want 1)`);
    for (const [id] of audited) if (!created.has(id)) failures.push(`audit row 'create ${entity} ${id}' without its ${table} row`);
  }
  for (const { table, entity } of VERSIONED) {
    const now = await q.query(`select id, version from ${table}`);
    const audits = await q.query(`select entity_id, count(*)::int as n from audit_events where seq > $1 and entity = $2 group by entity_id`, [snap.seq, entity]);
    const audited = new Map(audits.map((r) => [r.entity_id, Number(r.n)]));
    for (const r of now) {
      const before = snap.versions[table].get(r.id);
      if (before === undefined) continue; // created during the run: its create row is its one audit row
      const moved = Number(r.version) - before;
      const rows = audited.get(r.id) ?? 0;
      if (moved !== rows) failures.push(`${table} ${r.id}: version moved ${before} → ${r.version} with ${rows} audit rows`);
    }
  }
  return failures;
}

/** Exactly one audit row per successful write the clients saw (and none for a refused one: bothOrNeither). */
export async function auditPerWrite(q, snap, writes) {
  const want = new Map();
  for (const w of writes) {
    const key = `${w.entity}|${w.id}|${w.action}`;
    want.set(key, (want.get(key) ?? 0) + 1);
  }
  const rows = await q.query(`select entity, entity_id, action, count(*)::int as n from audit_events where seq > $1 group by 1, 2, 3`, [snap.seq]);
  const have = new Map(rows.map((r) => [`${r.entity}|${r.entity_id}|${r.action}`, Number(r.n)]));
  const failures = [];
  for (const [key, n] of want) if (have.get(key) !== n) failures.push(`${key}: ${have.get(key) ?? 0} audit rows for ${n} successful writes`);
  return failures;
}

/**
 * No version went backwards: an answer that began after another answer about the same record had
 * arrived never shows an older version of it.
 */
export function versionsMonotonic(observations) {
  const byId = new Map();
  for (const o of observations) {
    const list = byId.get(o.id) ?? [];
    list.push(o);
    byId.set(o.id, list);
  }
  const failures = [];
  for (const [id, list] of byId) {
    const byEnd = [...list].sort((a, b) => a.end - b.end);
    const byStart = [...list].sort((a, b) => a.start - b.start);
    let i = 0;
    let seen = -Infinity;
    for (const o of byStart) {
      while (i < byEnd.length && byEnd[i].end < o.start) seen = Math.max(seen, byEnd[i++].version);
      if (o.version < seen) failures.push(`${id}: version ${o.version} answered after version ${seen} had been seen`);
    }
  }
  return failures;
}
