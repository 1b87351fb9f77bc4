import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the raw upstream answers every request. */
export type RawAnswer = (response: ServerResponse, url: string) => void;

/**
 * A bare HTTP server that answers every request the same scripted way,
 * for upstream answers the simulator does not play (a gateway's JSON
 * error page, say). It counts what it received.
 */
export class RawUpstream {
  received = 0;
  private readonly server: Server;

  private constructor(answer: RawAnswer) {
    this.server = createServer((request, response) => {
      this.received++;
      request.resume();
      request.on('end', () => answer(response, request.url ?? ''));
    });
  }

  static async start(answer: RawAnswer): Promise<RawUpstream> {
    const upstream = new RawUpstream(answer);
    await new Promise<void>((resolve) =>
      upstream.server.listen(0, '127.0.0.1', resolve),
    );
    return upstream;
  }

  get baseUrl(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** An answer with `status` and a JSON body. */
export function json(status: number, body: unknown): RawAnswer {
  return (response) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
}
