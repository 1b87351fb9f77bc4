import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { RefundRequestDto } from '../dto/refund-request.dto.js';
import { InvalidRefundRequestError } from '../errors/invalid-refund-request.error.js';
import type { RefundRequest } from '../interfaces/refund-request.interface.js';
import { snapshotRequest } from './refund-body.js';

/**
 * Copies a request given in code and applies the rules of
 * {@link RefundRequestDto} to the copy, so that a caller without a
 * ValidationPipe gets the same checks. Keys other than the five fields
 * are refused: a misspelt `refundFee` must not turn a partial refund into
 * a full one.
 * @returns the checked copy, which is all the caller may send
 * @throws InvalidRefundRequestError naming each broken rule
 */
export async function validateRefundRequest(
  request: RefundRequest,
): Promise<RefundRequest> {
  if (typeof request !== 'object' || request === null) {
    throw new InvalidRefundRequestError(['the request must be an object']);
  }
  const { snapshot, unknownKeys } = snapshotRequest(request);
  const problems = unknownKeys.map(
    (key) => `${key} is not a field of a refund request`,
  );
  const dto = plainToInstance(RefundRequestDto, shallow(snapshot));
  const errors = await validate(dto, { forbidUnknownValues: true });
  problems.push(...errors.flatMap(messagesOf));
  if (problems.length > 0) throw new InvalidRefundRequestError(problems);
  return snapshot as unknown as RefundRequest;
}

/**
 * Every field is a string or a number: an object or array value is wrong
 * whatever it holds, and an empty one of the same kind gets the same
 * verdict without class-transformer walking a deeply nested value.
 */
function shallow(snapshot: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(snapshot)) {
    const nested = typeof value === 'object' && value !== null;
    copy[key] = nested ? (Array.isArray(value) ? [] : {}) : value;
  }
  return copy;
}

function messagesOf(error: ValidationError): string[] {
  return Object.values(error.constraints ?? {});
}
