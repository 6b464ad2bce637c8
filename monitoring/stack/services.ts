import { ChildProcess, spawn } from 'child_process';
import http from 'http';

/**
 * Runs Debian's Prometheus or Alertmanager as a child process on 127.0.0.1 port 0, learns the port it bound from its
 * log and waits until it is ready to serve (both answer 503 on their APIs while they load). Stopped by process id.
 */

export interface Service {
  pid: number;
  /** `127.0.0.1:<port>`. */
  address: string;
  /** Everything the process logged so far (for failure messages). */
  log(): string;
  stop(): Promise<void>;
}

const LISTENING = /msg="Listening on" address=(127\.0\.0\.1:\d+)/;

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) {
        resolve();
        return;
      }
      const force = setTimeout(() => process.kill(child.pid!, 'SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      process.kill(child.pid!, 'SIGTERM');
    });
}

// node:http rather than fetch: callers include Jest's jsdom environment, which has no fetch.
function isReady(address: string): Promise<boolean> {
  return new Promise((resolve) => {
    http
      .get(`http://${address}/-/ready`, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      })
      .on('error', () => resolve(false));
  });
}

export async function startService(binary: string, args: string[], startupMs = 40_000): Promise<Service> {
  const deadline = Date.now() + startupMs;
  const service = await startListening(binary, args, startupMs);
  while (!(await isReady(service.address))) {
    if (Date.now() > deadline) {
      await service.stop();
      throw new Error(
        `${binary} listened on ${service.address} but was not ready within ${startupMs} ms\n${service.log()}`
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return service;
}

function startListening(binary: string, args: string[], startupMs: number): Promise<Service> {
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const stop = stopper(child);
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      stop().then(() => reject(new Error(`${binary} ${why}\n${output}`)));
    };
    const timer = setTimeout(() => fail(`did not start listening within ${startupMs} ms`), startupMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(LISTENING);
      if (match && child.pid !== undefined) {
        clearTimeout(timer);
        child.removeListener('exit', onExit);
        resolve({ pid: child.pid, address: match[1], log: () => output, stop });
      }
    };
    const onExit = (code: number | null) => fail(`exited with ${code} before listening`);
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', onExit);
    child.once('error', (error) => fail(`could not start: ${error.message}`));
  });
}
