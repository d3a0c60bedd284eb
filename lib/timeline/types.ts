/** The shapes of a subject timeline, shared by the query (lib/timeline) and its rendering. */
import type { TaskRow } from "../tasks/queries";
import type { aeSelect, noteSelect, screeningSelect, visitSelect } from "./subject-timeline";

/** A timeline record as its query selects it (de-identified for sponsors by the read models). */
type RecordOf<Select extends (...args: never[]) => PromiseLike<unknown[]>> = Awaited<ReturnType<Select>>[number];

export type HistoryRow = {
  id: string;
  action: string;
  at: Date;
  actorName: string;
  changes: Record<string, [unknown, unknown]>;
  reason: string | null;
};

type Base = { key: string; at: Date };

export type TimelineEntry =
  | (Base & { kind: "subject"; action: string; history: HistoryRow | null })
  | (Base & { kind: "consent" })
  | (Base & { kind: "screening"; dateOnly: string; record: RecordOf<typeof screeningSelect>; history: HistoryRow[] })
  | (Base & { kind: "visit"; record: RecordOf<typeof visitSelect>; history: HistoryRow[] })
  | (Base & { kind: "ae"; dateOnly: string; record: RecordOf<typeof aeSelect>; history: HistoryRow[] })
  | (Base & { kind: "note"; record: RecordOf<typeof noteSelect> & { edited: boolean }; history: HistoryRow[] })
  | (Base & { kind: "task"; record: TaskRow });
