import type { SimulatorEndpoint, SimulatorFault } from './simulator-types.js';

/** Faults waiting for the next calls to each endpoint, first in first out. */
export class FaultQueue {
  private readonly queues = new Map<SimulatorEndpoint, SimulatorFault[]>();

  /** Queue `fault` for the next `times` calls to `endpoint`. */
  add(endpoint: SimulatorEndpoint, fault: SimulatorFault, times = 1): void {
    if (!Number.isInteger(times) || times < 0) {
      throw new RangeError(`times must be a non-negative integer: ${times}`);
    }
    const queue = this.queues.get(endpoint) ?? [];
    for (let i = 0; i < times; i++) queue.push({ ...fault });
    this.queues.set(endpoint, queue);
  }

  /** The fault for this call, if any; taking it uses it up. */
  take(endpoint: SimulatorEndpoint): SimulatorFault | undefined {
    return this.queues.get(endpoint)?.shift();
  }

  /** Drop every queued fault. */
  clear(): void {
    this.queues.clear();
  }
}

/**
 * What a gateway in front of WeChat answers when the backend fails: not
 * JSON, so a client must not try to read an errcode out of it.
 */
export const HTML_502_BODY =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n' +
  '<body>\r\n<h1>502 Bad Gateway</h1>\r\n' +
  '<p>simulated upstream failure</p>\r\n</body>\r\n</html>\r\n';
