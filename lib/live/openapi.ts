/**
 * GET /api/v1/live in the OpenAPI document. A stream does not fit the REST router's route table
 * (lib/api/routes.ts), so its path item is written out here and merged in by
 * lib/api/http/openapi.ts (its `extraPaths`).
 */
const PROBLEM = { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } };

export const livePaths: Record<string, Record<string, unknown>> = {
  "/api/v1/live": {
    get: {
      operationId: "streamLiveChanges",
      summary: "Live changes (Server-Sent Events)",
      tags: ["Live"],
      description:
        "A `text/event-stream` of changes to the records the caller may see (their site; a sponsor's granted studies; " +
        "everything for an admin). Each change is an unnamed event with an `id:` and `data: {type, entity, id, studyId, subjectId, at}` " +
        "(`subjectId`: the subject the record belongs to — its own id for a subject, null for studies, users and sites) " +
        "— ids only, never personal data: fetch the record through the REST API to see it. Named events: `ready` (the " +
        "stream is live), `reset` (changes may have been missed — refetch; sent when a `Last-Event-ID` is older than this " +
        "server process's bounded in-memory buffer of recent changes, or from another process), `end` (the account may no " +
        "longer listen; the stream closes). A comment line is sent about every 15 s as a heartbeat; the caller's rights " +
        "are re-read then. Web pages may authenticate with their session cookie instead of a token.",
      parameters: [
        { name: "Last-Event-ID", in: "header", required: false, description: "Resume after this event id.", schema: { type: "string" } },
        {
          name: "lastEventId",
          in: "query",
          required: false,
          description: "The same as the Last-Event-ID header, for clients that cannot set headers.",
          schema: { type: "string", maxLength: 40 },
        },
      ],
      responses: {
        200: {
          description: "The event stream; it stays open.",
          content: {
            "text/event-stream": {
              schema: { type: "string" },
              example:
                'id: k3v9x2a1-42\ndata: {"type":"updated","entity":"visit","id":"7c1e…","studyId":"0b2f…","subjectId":"5d0a…","at":"2025-01-01T12:00:00.000Z"}\n\n',
            },
          },
        },
        401: { description: "No valid token or session.", content: PROBLEM },
        429: { description: "Too many requests; see Retry-After.", content: PROBLEM },
        500: { description: "Unexpected error.", content: PROBLEM },
      },
    },
  },
};
