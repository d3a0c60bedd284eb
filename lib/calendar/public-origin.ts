/**
 * The address people reach TrialDesk at, for URLs handed to other programs (a calendar client):
 * APP_URL when set (lib/mail/config.ts, the same as links in mail), else what the request came to.
 */
import { mailConfig } from "../mail/config";

export function publicOrigin(headers: Headers, env: NodeJS.ProcessEnv = process.env): string {
  if (env.APP_URL?.trim()) return mailConfig(env).appUrl;
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? `localhost:${env.PORT ?? 3000}`;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  return `${proto === "https" ? "https" : "http"}://${host.split(",")[0]!.trim()}`;
}
