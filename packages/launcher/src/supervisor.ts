import { type ChildProcess, spawn } from 'node:child_process';

/**
 * Keeps one platform process running for `npm start`: when it exits unexpectedly it is started
 * again after a backoff, with the exit cause logged; after `maxFastFailures` exits in a row that
 * each came within `stableAfterMilliseconds` of starting, it is given up on (restarting would
 * only repeat the failure) and the rest of the platform keeps serving without it.
 */
export interface SupervisionPolicy {
  /** A process that ran at least this long before exiting crashed, rather than failed to start. */
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
  private startedAt = 0;
  private fastFailures = 0;
  private restarts = 0;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly name: string,
    private readonly command: { executable: string; args: string[]; environment: NodeJS.ProcessEnv },
    private readonly log: (message: string) => void,
    private readonly policy: SupervisionPolicy = DEFAULT_SUPERVISION,
    /** Called after each restart (not the first start), e.g. to report when it is ready again. */
    private readonly onRestarted?: (process: SupervisedProcess) => void,
  ) {}

  start(): ChildProcess {
    const child = spawn(this.command.executable, this.command.args, { env: this.command.environment, stdio: ['ignore', 'inherit', 'inherit'] });
    this.child = child;
    this.state = 'running';
    this.startedAt = Date.now();
    child.once('exit', (code, signal) => this.exited(child, code, signal));
    return child;
  }

  private exited(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.state === 'stopped' || child !== this.child) return;
    const ranFor = Date.now() - this.startedAt;
    this.fastFailures = ranFor < this.policy.stableAfterMilliseconds ? this.fastFailures + 1 : 0;
    const cause = exitCause(code, signal);
    if (this.fastFailures >= this.policy.maxFastFailures) {
      this.state = 'given-up';
      this.log(
        `${this.name} stopped (${cause}) ${this.fastFailures} times in a row, each within ${this.policy.stableAfterMilliseconds / 1000} s of starting; ` +
          `giving up on it. The rest of the platform keeps serving without it (its fields answer SUBGRAPH_UNAVAILABLE); ` +
          `fix the cause in its messages above, then stop with Ctrl+C and start again.`,
      );
      return;
    }
    const delay = Math.min(this.policy.maxBackoffMilliseconds, this.policy.firstBackoffMilliseconds * 2 ** Math.max(0, this.fastFailures - 1));
    this.restarts += 1;
    this.state = 'restarting';
    this.log(`${this.name} stopped unexpectedly (${cause}) after ${(ranFor / 1000).toFixed(1)} s; restarting it in ${(delay / 1000).toFixed(2)} s (restart ${this.restarts}).`);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      if (this.state !== 'restarting') return;
      const restarted = this.start();
      this.log(`${this.name} restarted (pid ${restarted.pid}).`);
      this.onRestarted?.(this);
    }, delay);
  }

  /** Stops supervising and asks the process to stop; SIGKILL after `killAfterMilliseconds`. */
  async stop(killAfterMilliseconds: number): Promise<void> {
    this.state = 'stopped';
    if (this.restartTimer) clearTimeout(this.restartTimer);
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
