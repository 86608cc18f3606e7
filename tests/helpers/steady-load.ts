// An open-loop load generator: requests leave on a fixed schedule (rate per second, counted from
// the start) whether or not earlier ones have been answered, so a slow or restarting server
// cannot lower the offered load the way a closed loop (each connection waiting for its answer) does.
import http from 'http';

export interface SteadyLoadReport {
  /** Requests sent (offered); all of them have settled when the report is made. */
  sent: number;
  seconds: number;
  /** Answers by status code. */
  statuses: Record<number, number>;
  /** Requests that got no answer: the socket error or timeout, with the path. */
  failures: Array<{ path: string; error: string }>;
}

export interface SteadyLoad {
  /** Stops sending, waits for every request in flight and reports. */
  stop(): Promise<SteadyLoadReport>;
  sent(): number;
}

export function startSteadyLoad(options: { port: number; paths: string[]; perSecond: number; timeoutMs?: number }): SteadyLoad {
  // Behind a load balancer clients keep connections alive; no cap, so a slow answer never delays the next request.
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const statuses: Record<number, number> = {};
  const failures: SteadyLoadReport['failures'] = [];
  const inFlight = new Set<Promise<void>>();
  const started = Date.now();
  let sent = 0;
  let stopping: Promise<SteadyLoadReport> | null = null;

  const send = (path: string) => {
    const done = new Promise<void>((resolve) => {
      const req = http.get({ host: '127.0.0.1', port: options.port, path, agent, timeout: options.timeoutMs ?? 30_000 }, (res) => {
        res.resume();
        res.on('end', () => {
          statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
          resolve();
        });
        res.on('error', (error) => {
          failures.push({ path, error: error.message });
          resolve();
        });
      });
      req.on('timeout', () => req.destroy(new Error('timed out')));
      req.on('error', (error) => {
        failures.push({ path, error: (error as NodeJS.ErrnoException).code ?? error.message });
        resolve();
      });
    });
    inFlight.add(done);
    void done.then(() => inFlight.delete(done));
  };

  // Every tick sends what the schedule owes by now, so timer lag cannot lower the offered rate.
  const timer = setInterval(() => {
    const due = Math.floor(((Date.now() - started) * options.perSecond) / 1000);
    while (sent < due) {
      send(options.paths[sent % options.paths.length]);
      sent += 1;
    }
  }, 5);

  return {
    sent: () => sent,
    stop() {
      stopping ??= (async () => {
        clearInterval(timer);
        const seconds = (Date.now() - started) / 1000;
        while (inFlight.size) await Promise.all(inFlight);
        agent.destroy();
        return { sent, seconds, statuses, failures };
      })();
      return stopping;
    },
  };
}
