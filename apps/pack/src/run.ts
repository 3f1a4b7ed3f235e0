import { HELP, parseArguments, UsageError } from './arguments';
import { runExport, runImport, runValidate } from './commands';
import { defaultGatewayUrl, GatewayClient, GatewayUnavailable } from './gateway';
import { CommandFailure, type Output } from './output';

/** The whole command: arguments in, lines out, the exit status back (0 done, 1 problems or refusals, 2 could not run). */
export async function run(args: readonly string[], output: Output, environment: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    const parsed = parseArguments(args, environment);
    if (parsed.command === 'help') {
      output.line(HELP.trimEnd());
      return 0;
    }
    const client = (url: string | undefined) =>
      new GatewayClient({ url: url ?? defaultGatewayUrl(environment), ...(parsed.token ? { token: parsed.token } : {}) });
    switch (parsed.command) {
      case 'validate':
        // Without --gateway, validate works offline: against the repository's packs only.
        return await runValidate(parsed.folder, parsed.gateway ? client(parsed.gateway) : undefined, output);
      case 'import':
        return await runImport(parsed.folder, { dryRun: parsed.dryRun, gateway: client(parsed.gateway), token: parsed.token }, output);
      case 'export':
        return await runExport(parsed.scope, parsed.folder, { force: parsed.force, gateway: client(parsed.gateway), token: parsed.token }, output);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      output.error(`npm run pack: ${error.message}`);
      output.error('See npm run pack -- --help.');
      return 2;
    }
    if (error instanceof CommandFailure || error instanceof GatewayUnavailable) {
      output.error(`npm run pack: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
