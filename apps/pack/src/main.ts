#!/usr/bin/env node
/**
 * `npm run pack -- validate|import|export ...`: see arguments.ts (HELP) and the README's
 * "Adding a partnership".
 */
import { terminal } from './output';
import { run } from './run';

// npm runs a script in the repository's root; a folder the user typed is relative to where they typed it.
if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);

run(process.argv.slice(2), terminal).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(
      `npm run pack: unexpected failure; please report it with what you ran.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
