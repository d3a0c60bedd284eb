/**
 * The live fan-out of one app process: ONE database listener on the changes channel (see
 * ./notify.ts; every write announces itself there inside its transaction, so every app instance
 * hears every committed change), an in-process set of subscribers, and each change passed to the
 * subscribers the policy lets see it (./events.ts).
 *
 * Resuming (`Last-Event-ID`) uses a bounded in-memory ring buffer of the most recent changes of
 * THIS process: the last RING_SIZE changes, whoever they concern (filtered again on replay for the
 * subscriber as they are now). An id older than the buffer, from before a restart, from another
 * instance (each process names its ids with its own random epoch), or from before a gap in the
 * listen connection, cannot be replayed: the subscriber gets a `reset` and refetches instead.
 *
 * The state lives on globalThis because Next may evaluate this module more than once per process.
 */
import "server-only";
import { listen } from "@/db";
import type { Actor } from "@/lib/actor";
import { RateLimitedError } from "@/lib/errors";
import { mayReceive, parseChange, type Change } from "./events";
import { CHANGES_CHANNEL } from "./notify";
import { positiveIntEnv } from "../env-number";

/** How many recent changes a reconnecting subscriber can catch up on, per process. */
export const RING_SIZE = 1000;

export type Subscriber = {
  /** Re-read from the database by the stream (every heartbeat, and when the user themself changes). */
  actor: Actor;
  send: (id: string, change: Change) => void;
  /** The change may alter what this subscriber may see (their own user record, a sponsor's grants). */
  recheck: (change: Change) => void;
  /** The listener lost changes (reconnected): the subscriber must refetch. */
  reset: (id: string, reason: string) => void;
};

type Entry = { seq: number; change: Change };
type State = {
  epoch: string;
  seq: number;
  /** Entries with seq > floor are complete; anything at or below it may have been missed. */
  floor: number;
  ring: Entry[];
  subscribers: Set<Subscriber>;
  /** The open streams of each user (their slots under LIVE_MAX_PER_USER). */
  slots?: Map<string, Set<symbol>>;
  listening?: Promise<() => Promise<void>>;
  listens: number;
};

const state: State = ((globalThis as Record<string, unknown>).__trialdeskLive ??= {
  epoch: Math.random().toString(36).slice(2, 10),
  seq: 0,
  floor: 0,
  ring: [],
  subscribers: new Set(),
  listens: 0,
}) as State;

const eventId = (seq: number) => `${state.epoch}-${seq}`;

/** The id of the latest change this process has seen: a resume point for a fresh subscriber. */
export function headId(): string {
  return eventId(state.seq);
}

function onNotify(payload: string): void {
  const change = parseChange(payload);
  if (!change) return;
  const seq = ++state.seq;
  state.ring.push({ seq, change });
  if (state.ring.length > RING_SIZE) state.ring.splice(0, state.ring.length - RING_SIZE);
  const id = eventId(seq);
  for (const sub of state.subscribers) {
    try {
      if (affectsRights(sub.actor, change)) sub.recheck(change);
      if (mayReceive(sub.actor, change)) sub.send(id, change);
    } catch {
      // one broken subscriber must not starve the others; its stream cleans itself up
    }
  }
}

/** Changes after which this subscriber's actor must be re-read before the next heartbeat. */
export function affectsRights(actor: Actor, change: Change): boolean {
  return (change.entity === "user" && change.id === actor.id) || (change.entity === "study" && actor.role === "sponsor");
}

function onListen(): void {
  state.listens++;
  if (state.listens === 1) return;
  // postgres.js re-established the listen connection: changes in between are lost. Everything
  // buffered so far can no longer prove completeness, so clients refetch.
  // A new seq marks the gap: ids issued before it resume to a reset, ids from now on resume normally.
  state.floor = ++state.seq;
  state.ring = [];
  for (const sub of state.subscribers) sub.reset(headId(), "reconnected");
}

/** Starts the process's one listener (idempotent); resolves once LISTEN is in place. */
export async function ensureListening(): Promise<void> {
  state.listening ??= listen(CHANGES_CHANNEL, onNotify, onListen).catch((error: unknown) => {
    state.listening = undefined; // the next subscriber retries
    throw error;
  });
  await state.listening;
}

export function subscriberCount(): number {
  return state.subscribers.size;
}

/** Open live streams per user, per process (`LIVE_MAX_PER_USER`, default 5). */
export function liveMaxPerUser(): number {
  return positiveIntEnv("LIVE_MAX_PER_USER", 5);
}

/**
 * Takes one of the user's stream slots, or refuses with 429 when they already hold the maximum
 * (a tab holds one stream; more than a few means a leak or a flood). Synchronous, so parallel
 * requests cannot all pass the check. The returned release frees the slot (idempotent).
 * A slot held by a vanished client is freed when its stream notices (abort, or the next heartbeat's
 * write), hence Retry-After of one heartbeat.
 */
export function reserveStream(userId: string, retryAfterSeconds: number): () => void {
  const slots = (state.slots ??= new Map());
  const mine = slots.get(userId) ?? new Set<symbol>();
  const max = liveMaxPerUser();
  if (mine.size >= max) {
    throw new RateLimitedError(`You already have ${max} live streams open (one per browser tab or client). Close one and retry.`, retryAfterSeconds);
  }
  const slot = Symbol(userId);
  mine.add(slot);
  slots.set(userId, mine);
  return () => {
    if (!mine.delete(slot)) return;
    if (mine.size === 0 && slots.get(userId) === mine) slots.delete(userId);
  };
}

/**
 * Adds a subscriber and, when it resumes from `lastEventId`, returns what it missed (already
 * filtered for it) — or "reset" when that cannot be known. Synchronous, so no change can slip in
 * between the replay and the live feed.
 */
export function subscribe(sub: Subscriber, lastEventId: string | null): { replay: { id: string; change: Change }[] | "reset"; unsubscribe: () => void } {
  state.subscribers.add(sub);
  const unsubscribe = () => void state.subscribers.delete(sub);
  if (!lastEventId) return { replay: [], unsubscribe };
  const match = /^([a-z0-9]+)-(\d+)$/.exec(lastEventId);
  const last = match ? Number(match[2]) : NaN;
  if (!match || match[1] !== state.epoch || !Number.isSafeInteger(last) || last > state.seq || last < state.floor) {
    return { replay: "reset", unsubscribe };
  }
  const oldest = state.ring[0]?.seq ?? state.seq + 1;
  if (last < oldest - 1) return { replay: "reset", unsubscribe };
  const replay = state.ring
    .filter((e) => e.seq > last && mayReceive(sub.actor, e.change))
    .map((e) => ({ id: eventId(e.seq), change: e.change }));
  return { replay, unsubscribe };
}

/** Tests: stop listening and forget every subscriber (before the database closes). */
export async function stopLive(): Promise<void> {
  const listening = state.listening;
  state.listening = undefined;
  state.subscribers.clear();
  state.slots?.clear();
  state.listens = 0;
  if (listening) await (await listening.catch(() => null))?.().catch(() => {});
}
