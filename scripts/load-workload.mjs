/**
 * The mixed workload of `npm run test:load` (and the load under `npm run test:faults`): ~70 % reads
 * (screening queue, visit week, serious AEs, subject timelines, AE lists, the dashboard and the
 * screening page) and ~30 % writes (create visit, record screening, AE update with its version,
 * note, and now and then two people editing one AE with the same version), as coordinators and
 * investigators of both sites.
 *
 * A plain fetch loop per connection rather than autocannon: every answer is checked as it arrives
 * (its status, its site ids, the record versions it shows), which autocannon's fire-and-count
 * model does not allow. Everything observed lands in a Recorder for the checks (load-checks.mjs).
 */
import { apiSession, pageCookie, pct } from "./load-server.mjs";

const USERS = [
  { username: "coordinator1", site: 1 },
  { username: "investigator1", site: 1 },
  { username: "coordinator2", site: 2 },
  { username: "investigator2", site: 2 },
];
// AEs each site keeps aside for the conflict pairs, so no other writer moves their versions.
const CONFLICT_AES_PER_SITE = 6;

/** Signs the users in and reads what the writes need (subjects, AEs, staff) through the API. */
export async function prepareWorkload(base) {
  const sessions = [];
  for (const u of USERS) sessions.push({ ...(await apiSession(base, u.username)), cookie: await pageCookie(base, u.username) });
  const sites = new Map();
  for (const s of sessions) {
    if (sites.has(s.siteId)) continue;
    const get = async (p) => {
      const res = await fetch(`${base}/api/v1${p}`, { headers: s.auth });
      if (!res.ok) throw new Error(`GET ${p} → ${res.status}`);
      return (await res.json()).data;
    };
    const enrolled = (await get("/subjects?status=enrolled&limit=200")).map((x) => x.id);
    const screening = (await get("/subjects?status=screening&limit=200")).map((x) => x.id);
    const all = await get("/subjects?limit=200");
    const aes = (await get("/adverse-events?limit=200&status=open")).filter((a) => !a.signed).map((a) => a.id);
    if (enrolled.length === 0 || screening.length === 0 || aes.length < CONFLICT_AES_PER_SITE + 2) {
      throw new Error(`site ${s.siteId} lacks the demo data the load needs`);
    }
    sites.set(s.siteId, {
      enrolled,
      screening,
      subjects: all.map((x) => x.id),
      codes: all.map((x) => x.subjectId),
      conflictAes: aes.slice(0, CONFLICT_AES_PER_SITE),
      aes: aes.slice(CONFLICT_AES_PER_SITE),
      coordinatorId: sessions.find((x) => x.siteId === s.siteId && x.user.role === "coordinator").user.id,
    });
  }
  // A subject code of one site must never appear on the other site's pages.
  const codePattern = (codes) => new RegExp(`(?<![A-Za-z0-9-])(?:${codes.map((c) => c.replace(/[-]/g, "\\-")).join("|")})(?![0-9])`);
  for (const [siteId, site] of sites) {
    site.foreignCodePattern = codePattern([...sites].filter(([id]) => id !== siteId).flatMap(([, other]) => other.codes));
    site.ownCodePattern = codePattern(site.codes);
  }
  return { base, sessions, sites };
}

/** What the run saw: every answer's status and latency, every write, every record version, every violation. */
export class Recorder {
  constructor() {
    this.started = performance.now();
    this.latencies = [];
    this.byStatus = new Map();
    this.byOp = new Map();
    this.writes = []; // { entity, id, action } for each successful write
    this.versions = []; // { id, version, start, end }
    this.violations = []; // foreign-site rows, 5xx bodies, unexpected answers
    this.conflicts = []; // { ok, detail }
    this.errors = 0; // network errors / timeouts
    this.fiveHundreds = []; // { op, status, type, retryAfter, at, body }
  }
  count(op, status, ms) {
    this.latencies.push(ms);
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
    const o = this.byOp.get(op) ?? { n: 0, statuses: new Map() };
    o.n++;
    o.statuses.set(status, (o.statuses.get(status) ?? 0) + 1);
    this.byOp.set(op, o);
  }
  summary() {
    const seconds = (performance.now() - this.started) / 1000;
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return { requests: sorted.length, seconds, rps: sorted.length / seconds, p50: pct(sorted, 50), p99: pct(sorted, 99) };
  }
}

/** Walks an answer: every `siteId` must be the user's; every {id, version} is recorded. */
function inspect(rec, session, body, start, end, op) {
  const walk = (v) => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (v === null || typeof v !== "object") return;
    // A history entry's `changes` hold [old, new] pairs: each side must be the user's site too.
    for (const site of [v.siteId].flat()) {
      if (site !== undefined && site !== null && site !== session.siteId) rec.violations.push(`${op} as ${session.username}: a row of site ${site} (${v.id ?? "?"})`);
    }
    if (typeof v.id === "string" && Number.isInteger(v.version)) rec.versions.push({ id: v.id, version: v.version, start, end });
    for (const x of Object.values(v)) walk(x);
  };
  walk(body);
}

const pick = (xs) => xs[Math.floor(Math.random() * xs.length)];

/**
 * One request, timed and checked. Returns { status, body } (body parsed as JSON when it is JSON,
 * text for pages, null on a network error). `expect` lists the statuses that are not a surprise.
 */
export async function call(ctx, rec, session, op, method, path, { body, page = false, timeoutMs = ctx.timeoutMs ?? 30_000 } = {}) {
  const start = performance.now();
  const headers = page ? { cookie: session.cookie } : { ...session.auth, ...(body ? { "content-type": "application/json" } : {}) };
  let res;
  try {
    res = await fetch(`${ctx.base}${page ? path : `/api/v1${path}`}`, {
      method,
      headers,
      body: body ? JSON.stringify(body) : undefined,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    rec.errors++;
    rec.count(op, error?.name === "TimeoutError" ? "timeout" : "network", performance.now() - start);
    return { status: 0, body: null, error };
  }
  const text = await res.text().catch(() => "");
  const end = performance.now();
  rec.count(op, res.status, end - start);
  const type = res.headers.get("content-type") ?? "";
  let parsed = text;
  if (type.includes("json")) {
    try {
      parsed = JSON.parse(text);
    } catch {
      rec.violations.push(`${op}: ${res.status} with a body that is not JSON`);
    }
  }
  if (res.status >= 500) rec.fiveHundreds.push({ op, status: res.status, type, retryAfter: res.headers.get("retry-after"), at: end, body: text.slice(0, 300) });
  if (res.ok && !page) inspect(rec, session, parsed, start, end, op);
  if (res.ok && page) {
    // Examples in placeholders ("e.g. ONC-014") name no real subject.
    const shown = text.replace(/e\.g\. [^"\\<]*/g, "");
    const foreign = shown.match(session.site.foreignCodePattern);
    if (foreign) rec.violations.push(`${op} as ${session.username}: the page shows a subject of the other site (${foreign[0]})`);
    if (op === "screening page" && !session.site.ownCodePattern.test(shown)) rec.violations.push(`${op} as ${session.username}: none of the site's own subjects shown — the check would prove nothing`);
  }
  return { status: res.status, body: parsed, headers: res.headers, start, end };
}

const weekRange = () => {
  const from = new Date(new Date().toISOString().slice(0, 10) + "T00:00:00Z");
  const to = new Date(from.getTime() + 7 * 86_400_000);
  return `scheduledFrom=${encodeURIComponent(from.toISOString())}&scheduledTo=${encodeURIComponent(to.toISOString())}`;
};

let serial = 0;
const READS = [
  ["screening queue", 14, () => ["GET", "/screenings?include=subject,study&order=-screeningDate&limit=50"]],
  ["visit week", 14, () => ["GET", `/visits?visitStatus=scheduled&${weekRange()}&order=scheduledAt&limit=200`]],
  ["serious AEs", 12, () => ["GET", "/adverse-events?serious=true&include=subject&order=-onsetDate&limit=50"]],
  ["open AEs", 8, () => ["GET", "/adverse-events?status=open&limit=100"]],
  ["timeline", 12, (s) => ["GET", `/subjects/${pick(s.site.subjects)}/timeline`]],
  ["dashboard page", 5, () => ["GET", "/", true]],
  ["screening page", 5, () => ["GET", "/screening", true]],
];

/** A write: ok when it answered 2xx, and the audit rows it must have left are recorded. */
async function createVisit(ctx, rec, s) {
  const r = await call(ctx, rec, s, "create visit", "POST", "/visits", {
    body: {
      subjectId: pick(s.site.enrolled),
      visitType: "unscheduled",
      scheduledAt: new Date(Date.now() + (1 + (serial++ % 300)) * 86_400_000).toISOString(),
      location: "Load test clinic",
      coordinatorId: s.site.coordinatorId,
    },
  });
  if (r.status === 201) rec.writes.push({ entity: "visit", id: r.body.id, action: "create" });
  return r;
}

async function recordScreening(ctx, rec, s) {
  const subjectId = pick(s.site.screening);
  const got = await call(ctx, rec, s, "get subject", "GET", `/subjects/${subjectId}`);
  if (got.status !== 200) return got;
  const r = await call(ctx, rec, s, "record screening", "POST", "/screenings", {
    body: { subjectId, subjectVersion: got.body.version, screeningStatus: "pending", notes: `load ${serial++}` },
  });
  if (r.status === 201) {
    rec.writes.push({ entity: "screening", id: r.body.id, action: "create" });
    rec.writes.push({ entity: "subject", id: subjectId, action: "screening" });
  }
  return r;
}

async function updateAe(ctx, rec, s) {
  const id = pick(s.site.aes);
  const got = await call(ctx, rec, s, "get AE", "GET", `/adverse-events/${id}`);
  if (got.status !== 200) return got;
  const r = await call(ctx, rec, s, "update AE", "PATCH", `/adverse-events/${id}`, {
    body: { version: got.body.version, reason: "Load test correction", eventTerm: `Headache (load ${serial++})` },
  });
  if (r.status === 200) rec.writes.push({ entity: "adverse_event", id, action: "update" });
  return r;
}

async function addNote(ctx, rec, s) {
  const r = await call(ctx, rec, s, "add note", "POST", "/subject-notes", {
    body: { subjectId: pick(s.site.subjects), noteType: "general", noteText: `Load test note ${serial++}` },
  });
  if (r.status === 201) rec.writes.push({ entity: "subject_note", id: r.body.id, action: "create" });
  return r;
}

/**
 * Two people of one site edit one AE from the same version at the same moment: exactly one may
 * win, the other must hear 409, and the row must then hold the winner's value.
 */
async function conflictPair(ctx, rec, s) {
  const free = s.site.conflictAes.filter((id) => !ctx.busy.has(id));
  if (free.length === 0) return addNote(ctx, rec, s);
  const id = pick(free);
  ctx.busy.add(id);
  try {
    const [a, b] = ctx.sessions.filter((x) => x.siteId === s.siteId);
    const got = await call(ctx, rec, a, "get AE", "GET", `/adverse-events/${id}`);
    if (got.status !== 200) return got;
    const n = serial++;
    const terms = [`Nausea (by ${a.username}, ${n})`, `Nausea (by ${b.username}, ${n})`];
    const answers = await Promise.all(
      [a, b].map((who, i) =>
        call(ctx, rec, who, "conflicting AE edit", "PATCH", `/adverse-events/${id}`, {
          body: { version: got.body.version, reason: "Conflict check", eventTerm: terms[i] },
        }),
      ),
    );
    const statuses = answers.map((x) => x.status);
    if (statuses.some((x) => x === 0 || x >= 500)) return answers[0]; // an outage (faults): the checks count those
    const winners = statuses.flatMap((x, i) => (x === 200 ? [i] : []));
    const final = await call(ctx, rec, a, "get AE", "GET", `/adverse-events/${id}`);
    const ok = winners.length === 1 && statuses[1 - winners[0]] === 409 && final.status === 200 && final.body.eventTerm === terms[winners[0]];
    if (winners.length === 1) rec.writes.push({ entity: "adverse_event", id, action: "update" });
    rec.conflicts.push({ ok, detail: `AE ${id} v${got.body.version}: ${statuses.join(" / ")}, final eventTerm ${JSON.stringify(final.body?.eventTerm)}` });
    return answers[0];
  } finally {
    ctx.busy.delete(id);
  }
}

const WRITES = [
  ["create visit", 10, createVisit],
  ["record screening", 5, recordScreening],
  ["update AE", 7, updateAe],
  ["add note", 6, addNote],
  ["conflict pair", 2, conflictPair],
];

function chooser(table) {
  const total = table.reduce((n, [, w]) => n + w, 0);
  return () => {
    let x = Math.random() * total;
    for (const entry of table) if ((x -= entry[1]) < 0) return entry;
    return table.at(-1);
  };
}
const chooseRead = chooser(READS);
const chooseWrite = chooser(WRITES);

/** One operation: a read 70 % of the time, else a write. */
export async function step(ctx, rec, connection) {
  const s = ctx.sessions[connection % ctx.sessions.length];
  if (Math.random() < 0.7) {
    const [op, , make] = chooseRead();
    const [method, path, page] = make(s);
    return call(ctx, rec, s, op, method, path, { page });
  }
  const [, , run] = chooseWrite();
  return run(ctx, rec, s);
}

/** Runs `connections` loops of `step` until `seconds` have passed (or `stop()` says so). */
export async function runLoad(ctx, rec, { connections, seconds, stop = () => false }) {
  const until = performance.now() + seconds * 1000;
  ctx.busy ??= new Set();
  for (const s of ctx.sessions) s.site = ctx.sites.get(s.siteId);
  await Promise.all(
    Array.from({ length: connections }, async (_, c) => {
      while (performance.now() < until && !stop()) {
        const r = await step(ctx, rec, c);
        // A refused connection answers at once; do not spin on it.
        if (r.status === 0) await new Promise((res) => setTimeout(res, 100));
      }
    }),
  );
}
