import type { Logger } from "pino";

export function processLogger(): Logger;
export function errorSummary(error: unknown): string;
export function textSummary(text: string): string;
