/** Where a command prints: the terminal in main.ts, a list of lines in tests. */
export interface Output {
  /** Results: problems, changes, summaries. */
  line(text: string): void;
  /** Why the command could not run. */
  error(text: string): void;
}

export const terminal: Output = {
  line: (text) => process.stdout.write(`${text}\n`),
  error: (text) => process.stderr.write(`${text}\n`),
};

/** The command could not run at all (exit 2): the message says what to do. */
export class CommandFailure extends Error {}
