/**
 * Server-side error logging that never leaks data: drizzle's error messages embed the query's
 * parameters (which may hold a password hash, a name, a token), so only the driver's own message,
 * its SQLSTATE and constraint are logged.
 */
export function errorSummary(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 200);
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const c = cause as Error & { code?: string; constraint?: string; constraint_name?: string };
    const constraint = c.constraint_name ?? c.constraint;
    return `${c.name}: ${c.message}${c.code ? ` [${c.code}]` : ""}${constraint ? ` (${constraint})` : ""}`;
  }
  const firstLine = error.message.split("\n")[0] ?? "";
  // "Failed query: …" without a cause would still print the SQL; keep only its start.
  return `${error.name}: ${firstLine.startsWith("Failed query") ? "database query failed" : firstLine.slice(0, 300)}`;
}

export function logError(context: string, error: unknown): void {
  console.error(`[trialdesk] ${context}: ${errorSummary(error)}`);
}
