/**
 * Typed errors thrown by lib functions and mapped once to HTTP status (lib/http/problem.ts) and to
 * form messages (lib/action-state.ts). Anything else is unexpected: logged, shown as a generic message.
 */
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly status: number = 500;
}

/** Not there — or not yours: a foreign site's record is indistinguishable from a missing one. */
export class NotFoundError extends AppError {
  override readonly status = 404;
  constructor(message = "Not found") {
    super(message);
  }
}

export class UnauthenticatedError extends AppError {
  override readonly status = 401;
  constructor(message = "Please sign in") {
    super(message);
  }
}

export class ForbiddenError extends AppError {
  override readonly status = 403;
  constructor(message = "You are not allowed to do that") {
    super(message);
  }
}

/** A stale version: someone else saved first. Carries the newer record so the UI can show it. */
export class ConflictError<T = unknown> extends AppError {
  override readonly status = 409;
  constructor(
    message: string,
    readonly current?: T,
  ) {
    super(message);
  }
}

export class ValidationError extends AppError {
  override readonly status: number = 422;
  constructor(
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
  }
}

export class RateLimitedError extends AppError {
  override readonly status = 429;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
