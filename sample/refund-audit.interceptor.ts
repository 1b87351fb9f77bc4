import {
  HttpException,
  Injectable,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { NontaxError } from 'nestjs-wechat-nontax';
import { tap, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from './api-key.guard.js';

// The log's names for the body's fields; `reason` stays out (it may name
// the payer).
const FIELDS = [
  ['appid', 'appid'],
  ['order_id', 'order_id'],
  ['refund_out_id', 'refund_out_id'],
  ['amount', 'refund_fee'],
] as const;

/**
 * A value for the log: JSON with everything outside printable ASCII
 * escaped (no newline, line separator, C1 control or bidi override can
 * forge or hide a line), bounded.
 */
function field(value: unknown): string {
  if (value === undefined) return '-';
  const json = JSON.stringify(value) ?? '-';
  const text = json.replace(
    /[^\x20-\x7e]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function outcomeOf(error: unknown): { outcome: string; rid?: string } {
  if (error instanceof NontaxError) {
    const state = error.refundState ?? 'error';
    return { outcome: `${state}:${error.code}`, rid: error.rid };
  }
  if (error instanceof HttpException) {
    return { outcome: `refused:${error.getStatus()}` };
  }
  return { outcome: 'error' };
}

/**
 * One audit line per refund attempt, whatever became of it: who, appid,
 * order_id, refund_out_id, amount, outcome, rid. Never a secret: the body
 * holds none, and the client is named, not its key.
 */
@Injectable()
export class RefundAuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger('RefundAudit');

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<
      AuthenticatedRequest & { body?: unknown; url?: string }
    >();
    const write = (outcome: string, rid?: string) =>
      this.write(request, outcome, rid);
    return next.handle().pipe(
      tap({
        next: (result) => {
          // A refund's status, or a reconcile's state.
          const r = result as { status?: string; state?: string; rid?: string };
          write(r.status ?? r.state ?? 'ok', r.rid);
        },
        error: (error: unknown) => {
          const { outcome, rid } = outcomeOf(error);
          write(outcome, rid);
        },
      }),
    );
  }

  private write(
    request: AuthenticatedRequest & { body?: unknown; url?: string },
    outcome: string,
    rid?: string,
  ): void {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parts = FIELDS.map(([label, key]) => `${label}=${field(body[key])}`);
    this.logger.log(
      `refund attempt ${field(request.url)} who=${request.apiClient ?? '-'} ` +
        `${parts.join(' ')} outcome=${outcome} rid=${rid ?? '-'}`,
    );
  }
}
