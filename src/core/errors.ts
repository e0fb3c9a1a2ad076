import { z } from 'zod';
import type { StageId } from './stage-ids.js';

/** Stable error codes (DESIGN.md). They are API: never renamed, one definition. */
export const ERROR_CODES = [
  'invalid_url',
  'blocked_address',
  'dns_failure',
  'tls_error',
  'connection_failed',
  'http_error',
  'timeout',
  'not_html',
  'too_large',
  'robots_disallowed',
  'empty_content',
  'llm_unavailable',
  'llm_invalid_output',
  'warehouse_error',
  'agent_error',
  'validation_failed',
  'cancelled',
  'internal',
] as const;

export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/**
 * Whether another attempt could succeed. One exhaustive decision: adding a code
 * to ERROR_CODES fails the typecheck here until someone decides.
 */
export function isRetryable(code: ErrorCode, httpStatus?: number): boolean {
  switch (code) {
    case 'dns_failure':
    case 'connection_failed':
    case 'timeout':
    case 'llm_unavailable':
      return true;
    case 'http_error':
    case 'warehouse_error':
    case 'agent_error':
      // A site or a Google API that answers 5xx or 429 may recover; 4xx (a bad query, a missing
      // permission) will not. Without a status (a failed load job, a local engine), try again.
      return httpStatus === undefined || httpStatus === 429 || httpStatus >= 500;
    case 'invalid_url':
    case 'blocked_address':
    case 'tls_error':
    case 'not_html':
    case 'too_large':
    case 'robots_disallowed':
    case 'empty_content':
    case 'llm_invalid_output':
    case 'validation_failed':
    case 'cancelled':
    case 'internal':
      return false;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

/** Whose fault an error is. Chosen by the subclass, never parsed from a message. */
export type Fault = 'user_input' | 'remote_service' | 'model_output' | 'our_bug' | 'cancelled' | 'data';

export interface ErrorDetails {
  stage?: StageId;
  httpStatus?: number;
  cause?: unknown;
}

/** Base of every error the pipeline reports. `message` is plain words for a person. */
export abstract class ProvisionError extends Error {
  abstract readonly fault: Fault;
  readonly code: ErrorCode;
  stage: StageId | undefined;
  readonly httpStatus: number | undefined;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.code = code;
    this.stage = details.stage;
    this.httpStatus = details.httpStatus;
  }

  get retryable(): boolean {
    return isRetryable(this.code, this.httpStatus);
  }

  toJSON(): ErrorInfo {
    return { code: this.code, message: this.message, retryable: this.retryable, ...(this.stage ? { stage: this.stage } : {}) };
  }
}

/** The user gave us something we cannot use (a bad URL, a blocked address). */
export class UserInputError extends ProvisionError {
  readonly fault = 'user_input' as const;
}

/** A remote service (the site, the LLM, the warehouse) failed or refused. */
export class RemoteServiceError extends ProvisionError {
  readonly fault = 'remote_service' as const;
}

/** The model answered, but not with something we can use. */
export class ModelOutputError extends ProvisionError {
  readonly fault = 'model_output' as const;
}

/** What we produced did not hold up (golden queries failing validation). */
export class DataValidationError extends ProvisionError {
  readonly fault = 'data' as const;
}

/** The job was asked to stop. */
export class CancelledError extends ProvisionError {
  readonly fault = 'cancelled' as const;
  constructor(message = 'The job was cancelled.', details: ErrorDetails = {}) {
    super('cancelled', message, details);
  }
}

/** Our bug. The message says what broke; the cause carries the original. */
export class InternalError extends ProvisionError {
  readonly fault = 'our_bug' as const;
  constructor(message: string, details: ErrorDetails = {}) {
    super('internal', message, details);
  }
}

export const ErrorInfoSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  retryable: z.boolean(),
  stage: z.string().optional(),
});
export type ErrorInfo = z.infer<typeof ErrorInfoSchema>;

/** Turns anything thrown into a ProvisionError, keeping the original as the cause. */
export function toProvisionError(err: unknown, stage?: StageId): ProvisionError {
  if (err instanceof ProvisionError) {
    if (stage && !err.stage) err.stage = stage;
    return err;
  }
  if (err instanceof Error && err.name === 'AbortError') return new CancelledError(undefined, { stage, cause: err });
  const message = err instanceof Error ? err.message : String(err);
  return new InternalError(`Unexpected error: ${message}`, { stage, cause: err });
}
