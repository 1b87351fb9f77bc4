import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, createConnection } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const MAIN = join(import.meta.dirname, '../../sample/dist/main.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection(port, '127.0.0.1');
    socket.once('connect', () => resolve(!!socket.end()));
    socket.once('error', () => resolve(false));
  });
}

/**
 * The built sample app (`sample/dist/main.js`) in its own process, as a
 * user runs it; `npm test` builds it first. Everything it prints is kept.
 */
export class SampleProcess {
  private text = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {
    const keep = (chunk: Buffer) => (this.text += chunk.toString('utf8'));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  static async start(env: Record<string, string>): Promise<SampleProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, [MAIN], {
      cwd: join(import.meta.dirname, '../..'),
      env: {
        PATH: process.env.PATH,
        NO_COLOR: '1',
        PORT: String(port),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const sample = new SampleProcess(child, port);
    for (let i = 0; i < 200 && child.exitCode === null; i++) {
      if (await listening(port)) return sample;
      await sleep(50);
    }
    throw new Error(`the sample did not start:\n${sample.output}`);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Everything the sample printed so far. */
  get output(): string {
    return this.text;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}
