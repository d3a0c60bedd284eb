/**
 * A positive whole-number setting from the environment, or its default when unset or not a
 * positive number (a typo in a limit must not turn the limit off or into NaN). Read on each call,
 * so tests and operators can change it without a restart of the module.
 */
export function positiveIntEnv(name: string, fallback: number, env: Readonly<Record<string, string | undefined>> = process.env): number {
  const value = Number(env[name]);
  return Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
}
