import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { RefundRequestDto } from '../dto/refund-request.dto.js';
import { InvalidRefundRequestError } from '../errors/invalid-refund-request.error.js';
import type { RefundRequest } from '../interfaces/refund-request.interface.js';

/**
 * Applies the rules of {@link RefundRequestDto} to a request given in
 * code, so that a caller without a ValidationPipe gets the same checks.
 * @throws InvalidRefundRequestError naming each broken rule
 */
export async function validateRefundRequest(
  request: RefundRequest,
): Promise<void> {
  if (typeof request !== 'object' || request === null) {
    throw new InvalidRefundRequestError(['the request must be an object']);
  }
  const dto = plainToInstance(RefundRequestDto, request);
  const errors = await validate(dto, { forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new InvalidRefundRequestError(errors.flatMap(messagesOf));
  }
}

function messagesOf(error: ValidationError): string[] {
  return Object.values(error.constraints ?? {});
}
