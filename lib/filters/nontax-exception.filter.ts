import {
  Catch,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { NontaxError } from '../errors/nontax.error.js';
import { toErrorBody, type NontaxErrorBody } from './nontax-error-body.js';

interface ExpressLikeResponse {
  status(code: number): { json(body: unknown): unknown };
}

interface FastifyLikeReply {
  code(code: number): { send(body: unknown): unknown };
}

interface SocketLike {
  emit?(event: string, data: unknown): unknown;
}

/** Used when even building the body failed: nothing of the error shows. */
const FALLBACK: NontaxErrorBody = {
  statusCode: 500,
  code: 'WECHAT_BAD_RESPONSE',
  errcode: null,
  errmsg: null,
  rid: null,
  message: 'The refund service failed; see its log.',
};

/**
 * Turns the module's errors into answers: over HTTP the status from the
 * errcode table and a JSON {@link NontaxErrorBody}; in a microservice the
 * same body as the RPC error; over WebSockets an `exception` event with
 * it. Errors that are not the module's are not caught: Nest hands them to
 * the next filter untouched. Use it globally
 * (`app.useGlobalFilters(new NontaxExceptionFilter())`) or on the
 * controllers that refund.
 */
@Catch(NontaxError)
export class NontaxExceptionFilter implements ExceptionFilter<NontaxError> {
  private readonly logger = new Logger(NontaxExceptionFilter.name);

  catch(error: NontaxError, host: ArgumentsHost): void | Observable<never> {
    const body = this.bodyOf(error);
    this.log(error, body);
    const type = host.getType<string>();
    if (type !== 'http' && type !== 'ws') return throwError(() => body);
    try {
      if (type === 'http') reply(host.switchToHttp().getResponse(), body);
      else {
        const client = host.switchToWs().getClient() as SocketLike | null;
        client?.emit?.('exception', body);
      }
    } catch {
      // The answer could not be sent (headers already out, socket gone).
      this.logger.warn(`${body.code}: the error answer could not be sent`);
    }
  }

  private bodyOf(error: NontaxError): NontaxErrorBody {
    try {
      return toErrorBody(error);
    } catch {
      return FALLBACK;
    }
  }

  private log(error: NontaxError, body: NontaxErrorBody): void {
    // Client errors are the client's business; keep the log quiet. A
    // Redis outage was logged once, when it began, not once per call.
    if (body.statusCode < 500 || body.code === 'REDIS_UNAVAILABLE') return;
    try {
      const message = String(error.message);
      const known = !error.rid || message.includes(error.rid);
      const rid = known ? '' : ` (rid ${error.rid})`;
      const line = `${body.code}: ${message}${rid}`;
      if (error.internal) this.logger.error(line);
      else this.logger.warn(line);
    } catch {
      this.logger.error(`${body.code}: (the error could not be shown)`);
    }
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
