import { AppError, type ErrorCode } from '../platform/errors/app-error.ts';

type PgLikeError = { code?: string; constraint?: string; cause?: unknown };

function pgError(err: unknown): PgLikeError | undefined {
  let e: unknown = err;
  // Drizzle wraps driver errors; the pg/PGlite error is in `cause`.
  for (let i = 0; i < 3 && e && typeof e === 'object'; i++) {
    const candidate = e as PgLikeError;
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    e = candidate.cause;
  }
  return undefined;
}

// Turn a unique-constraint violation into the matching AppError; rethrow anything else.
export function rethrowUnique(err: unknown, byConstraint: Record<string, [ErrorCode, string]>): never {
  const pe = pgError(err);
  if (pe?.code === '23505' && pe.constraint && byConstraint[pe.constraint]) {
    const [code, detail] = byConstraint[pe.constraint];
    throw new AppError(code, detail);
  }
  throw err;
}

export function isUniqueViolation(err: unknown): boolean {
  return pgError(err)?.code === '23505';
}
