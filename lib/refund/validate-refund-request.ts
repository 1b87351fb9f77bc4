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
  const dto = plainToInstance(RefundRequestDto, snapshot);
  const errors = await validate(dto, { forbidUnknownValues: true });
  problems.push(...errors.flatMap(messagesOf));
  if (problems.length > 0) throw new InvalidRefundRequestError(problems);
  return snapshot as unknown as RefundRequest;
}

function messagesOf(error: ValidationError): string[] {
  return Object.values(error.constraints ?? {});
}
