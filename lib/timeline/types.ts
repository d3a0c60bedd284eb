/** The shapes of a subject timeline, shared by the query (lib/timeline) and its rendering. */
import type { AE_STATUSES, NOTE_TYPES, SCREENING_STATUSES, SEVERITIES, VISIT_STATUSES, VISIT_TYPES } from "@/db/schema";

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
  | (Base & {
      kind: "screening";
      dateOnly: string;
      record: {
        id: string;
        screeningStatus: (typeof SCREENING_STATUSES)[number];
        screeningDate: string;
        completedByName: string;
        notes: string | null;
        failReason: string | null;
      };
      history: HistoryRow[];
    })
  | (Base & {
      kind: "visit";
      record: {
        id: string;
        visitType: (typeof VISIT_TYPES)[number];
        visitStatus: (typeof VISIT_STATUSES)[number];
        scheduledAt: Date;
        completedAt: Date | null;
        location: string | null;
        coordinatorName: string;
        scheduleName: string | null;
        windowStart: string | null;
        windowEnd: string | null;
        statusReason: string | null;
        outOfWindow: boolean;
        overdue: boolean;
      };
      history: HistoryRow[];
    })
  | (Base & {
      kind: "ae";
      dateOnly: string;
      record: {
        id: string;
        eventTerm: string;
        severity: (typeof SEVERITIES)[number];
        serious: boolean;
        grade: number | null;
        onsetDate: string;
        status: (typeof AE_STATUSES)[number];
        awareAt: Date;
        reportedByName: string;
      };
      history: HistoryRow[];
    })
  | (Base & {
      kind: "note";
      record: {
        id: string;
        noteType: (typeof NOTE_TYPES)[number];
        /** Null for sponsors: no free text. */
        noteText: string | null;
        authorId: string;
        authorName: string;
        version: number;
        createdAt: Date;
        edited: boolean;
      };
      history: HistoryRow[];
    });
