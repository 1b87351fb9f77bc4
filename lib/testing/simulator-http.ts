import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimulatorReply } from './simulator-replies.js';
import type { RecordedRequest } from './simulator-types.js';

/** Bodies past this are refused: no WeChat call comes close. */
const MAX_BODY_BYTES = 1024 * 1024;

/** Reads a whole request into the shape the simulator records. */
export async function readRequest(
  request: IncomingMessage,
): Promise<RecordedRequest> {
  // The base only lets URL parse a path; it is never contacted.
  const url = new URL(request.url ?? '/', 'http://simulator.invalid');
  const raw = await readBody(request);
  return {
    method: request.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    body: parseBody(raw),
    at: Date.now(),
  };
}

/** Parsed JSON, else the raw text, else undefined when there is no body. */
export function parseBody(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new RangeError('request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Sends a JSON reply, unless the exchange is already over. */
export function sendJson(
  response: ServerResponse,
  reply: SimulatorReply,
): void {
  send(
    response,
    reply.status,
    'application/json; charset=utf-8',
    JSON.stringify(reply.json),
  );
}

/** Sends any body with a content type, unless the exchange is already over. */
export function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string,
): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}
