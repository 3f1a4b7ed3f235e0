import type { Output } from '../src/output';

/** An Output that keeps what a command printed, for tests to read. */
export function capture(): Output & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, line: (text) => lines.push(text), error: (text) => errors.push(text) };
}
