import { ERROR_MESSAGES, type ErrorCode, type FieldError } from '../src/domain/errors';

/** An error a route throws on purpose: the error handler turns it into the envelope with this status. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string = ERROR_MESSAGES[code],
    readonly details?: FieldError[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function validationError(details: FieldError[]): AppError {
  return new AppError(400, 'validation_failed', undefined, details);
}

export function notFound(message?: string): AppError {
  return new AppError(404, 'not_found', message);
}
