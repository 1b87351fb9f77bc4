import type { LoggerService } from '@nestjs/common';
import { inspect } from 'node:util';

/** A Nest logger that keeps every line, at every level, for assertions. */
export class CaptureLogger implements LoggerService {
  readonly lines: string[] = [];

  log(...parts: unknown[]): void {
    this.keep('log', parts);
  }
  error(...parts: unknown[]): void {
    this.keep('error', parts);
  }
  warn(...parts: unknown[]): void {
    this.keep('warn', parts);
  }
  debug(...parts: unknown[]): void {
    this.keep('debug', parts);
  }
  verbose(...parts: unknown[]): void {
    this.keep('verbose', parts);
  }
  fatal(...parts: unknown[]): void {
    this.keep('fatal', parts);
  }

  /** Every line joined, for a leak search. */
  text(): string {
    return this.lines.join('\n');
  }

  private keep(level: string, parts: unknown[]): void {
    const text = parts
      .map((p) => (typeof p === 'string' ? p : inspect(p, { depth: 5 })))
      .join(' ');
    this.lines.push(`[${level}] ${text}`);
  }
}
