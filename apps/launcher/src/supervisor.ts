import { type ChildProcess, spawn } from 'node:child_process';

/**
 * Keeps one platform process running for `npm start`: when it exits unexpectedly it is started
 * again after a backoff, with the exit cause logged; after `maxFastFailures` fast failures in a
 * row it is given up on (restarting would only repeat the failure) and the rest of the platform
 * keeps serving without it. A fast failure is an exit before the process became ready, or within
 * `stableAfterMilliseconds` of it: measured from readiness, not from the spawn, because starting
 * (migrations, seed check) takes from one to over ten seconds depending on the machine's load.
 */
export interface SupervisionPolicy {
  /** A process that served at least this long before exiting crashed, rather than failed to start. */
  stableAfterMilliseconds: number;
  /** Fast failures in a row after which the process is given up on. */
  maxFastFailures: number;
  /** Delay before the first restart; doubled for each further fast failure in a row. */
  firstBackoffMilliseconds: number;
  maxBackoffMilliseconds: number;
}

export const DEFAULT_SUPERVISION: SupervisionPolicy = {
  stableAfterMilliseconds: 10_000,
  maxFastFailures: 5,
  // Short enough that a crashed subgraph serves again within seconds, long enough not to spin.
  firstBackoffMilliseconds: 250,
  maxBackoffMilliseconds: 8_000,
};

export type SupervisedState = 'running' | 'restarting' | 'given-up' | 'stopped';

export function exitCause(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}

export class SupervisedProcess {
  child: ChildProcess | undefined;
  state: SupervisedState = 'stopped';
  /** When the current process answered its ready URL; 0 while it has not. */
  private readyAt = 0;
  private readyWaiters: ((ready: boolean) => void)[] = [];
  private fastFailures = 0;
  private restarts = 0;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly name: string,
    private readonly command: { executable: string; args: string[]; environment: NodeJS.ProcessEnv },
    /** Answers 200 when the process serves (its /ready, or the gateway's /health). */
    private readonly readyUrl: string,
    private readonly log: (message: string) => void,
    private readonly policy: SupervisionPolicy = DEFAULT_SUPERVISION,
  ) {}

  start(): ChildProcess {
    const child = spawn(this.command.executable, this.command.args, { env: this.command.environment, stdio: ['ignore', 'inherit', 'inherit'] });
    this.child = child;
    this.state = 'running';
    this.readyAt = 0;
    child.once('exit', (code, signal) => this.exited(child, code, signal));
    void this.pollReadiness(child);
    return child;
  }

  /** Resolves true once the process (first or restarted) is ready; false if it is given up on or stopped first. */
  whenReady(): Promise<boolean> {
    if (this.readyAt) return Promise.resolve(true);
    if (this.state === 'given-up' || this.state === 'stopped') return Promise.resolve(false);
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  private settle(ready: boolean): void {
    for (const resolve of this.readyWaiters.splice(0)) resolve(ready);
  }

  private async pollReadiness(child: ChildProcess): Promise<void> {
    while (this.child === child && this.state === 'running' && child.exitCode === null && child.signalCode === null) {
      try {
        if ((await fetch(this.readyUrl, { signal: AbortSignal.timeout(1000) })).ok && this.child === child && this.state === 'running') {
          this.readyAt = Date.now();
          if (this.restarts > 0) this.log(`${this.name} ready again (pid ${child.pid}).`);
          this.settle(true);
          return;
        }
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private exited(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.state === 'stopped' || child !== this.child) return;
    const servedFor = this.readyAt ? Date.now() - this.readyAt : 0;
    this.fastFailures = this.readyAt && servedFor >= this.policy.stableAfterMilliseconds ? 0 : this.fastFailures + 1;
    const cause = exitCause(code, signal);
    const when = this.readyAt ? `after serving for ${(servedFor / 1000).toFixed(1)} s` : 'before it was ready';
    if (this.fastFailures >= this.policy.maxFastFailures) {
      this.state = 'given-up';
      this.log(
        `${this.name} stopped (${cause}) ${this.fastFailures} times in a row, each before it was ready or within ${this.policy.stableAfterMilliseconds / 1000} s of it; ` +
          `giving up on it. The rest of the platform keeps serving without it (its fields answer SUBGRAPH_UNAVAILABLE); ` +
          `fix the cause in its messages above, then stop with Ctrl+C and start again.`,
      );
      this.settle(false);
      return;
    }
    const delay = Math.min(this.policy.maxBackoffMilliseconds, this.policy.firstBackoffMilliseconds * 2 ** Math.max(0, this.fastFailures - 1));
    this.restarts += 1;
    this.state = 'restarting';
    this.readyAt = 0;
    this.log(`${this.name} stopped unexpectedly (${cause}) ${when}; restarting it in ${(delay / 1000).toFixed(2)} s (restart ${this.restarts}).`);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      if (this.state !== 'restarting') return;
      const restarted = this.start();
      this.log(`${this.name} restarted (pid ${restarted.pid}).`);
    }, delay);
  }

  /** Stops supervising and asks the process to stop; SIGKILL after `killAfterMilliseconds`. */
  async stop(killAfterMilliseconds: number): Promise<void> {
    this.state = 'stopped';
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.settle(false);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMilliseconds);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }
}
