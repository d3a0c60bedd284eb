/**
 * Runs the audit sealer (./sealer.ts) every SEAL_EVERY_MS in this app process, started with the
 * database (instrumentation.ts) like the rules' scheduler. While the database is unreachable the
 * passes fail quietly: one log line a minute, not two a second.
 */
import "server-only";
import { getDb } from "@/db";
import { backgroundLoop } from "../background-loop";
import { SEAL_EVERY_MS, sealAudit } from "./sealer";

const sealer = backgroundLoop("audit sealer", { everyMs: SEAL_EVERY_MS, logEveryMs: 60_000, run: async () => sealAudit(await getDb()) });

/** Starts the sealing timer once per process (idempotent). */
export const startSealer = (): void => sealer.start();
export const stopSealer = (): void => sealer.stop();
