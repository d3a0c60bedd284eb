/** The most rows one export sends (a list's "all pages"); the queries that build exports cap at it. */
export const EXPORT_ROW_LIMIT = 100_000;
