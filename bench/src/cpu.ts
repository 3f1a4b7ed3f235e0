import fs from 'node:fs';

/** CPU time of processes from /proc: the load worker's per-request CPU, and the waits for quiet between loads. */

/** utime + stime of a process (every thread), in clock ticks (USER_HZ); null when it is gone. */
export function cpuTicks(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: count fields from its closing parenthesis (field 3 on).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/**
 * Waits until the processes are idle (less than one clock tick, 10 ms, over 300 ms between them),
 * at most `seconds`. autocannon stops at the end of its period without waiting for the answers in
 * flight; with slow requests (the growth run's large answers) the gateway and subgraphs go on
 * working on them for seconds, which would be counted against the next period. Returns whether
 * they became idle.
 */
export async function waitUntilIdle(pids: number[], seconds = 30): Promise<boolean> {
  const deadline = Date.now() + seconds * 1000;
  const total = () => pids.reduce((sum, pid) => sum + (cpuTicks(pid) ?? 0), 0);
  for (;;) {
    const before = total();
    await new Promise((resolve) => setTimeout(resolve, 300));
    if (total() - before < 1) return true;
    if (Date.now() > deadline) return false;
  }
}
