import {
  Catch,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { NontaxError } from '../errors/nontax.error.js';
import { toErrorBody, type NontaxErrorBody } from './nontax-error-body.js';

interface ExpressLikeResponse {
  status(code: number): { json(body: unknown): unknown };
}

interface FastifyLikeReply {
  code(code: number): { send(body: unknown): unknown };
}

/**
 * Turns the module's errors into HTTP answers: the status from the errcode
 * table and a JSON {@link NontaxErrorBody}. Use it globally
 * (`app.useGlobalFilters(new NontaxExceptionFilter())`) or on the
 * controllers that refund. Other errors are not caught.
 */
@Catch(NontaxError)
export class NontaxExceptionFilter implements ExceptionFilter<NontaxError> {
  private readonly logger = new Logger(NontaxExceptionFilter.name);

  catch(error: NontaxError, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const body = toErrorBody(error);
    this.log(error, body);
    reply(host.switchToHttp().getResponse(), body);
  }

  private log(error: NontaxError, body: NontaxErrorBody): void {
    // Client errors are the client's business; keep the log quiet.
    if (body.statusCode < 500) return;
    const known = !error.rid || error.message.includes(error.rid);
    const rid = known ? '' : ` (rid ${error.rid})`;
    const line = `${error.code}: ${error.message}${rid}`;
    if (error.internal) this.logger.error(line);
    else this.logger.warn(line);
  }
}

function reply(response: unknown, body: NontaxErrorBody): void {
  const express = response as Partial<ExpressLikeResponse>;
  if (typeof express.status === 'function') {
    express.status(body.statusCode).json(body);
    return;
  }
  (response as FastifyLikeReply).code(body.statusCode).send(body);
}
