/** What the command line asks for; parseArguments is pure so it can be tested as it is. */
export type PackCommand =
  | { command: 'help' }
  | { command: 'validate'; folder: string; gateway?: string; token?: string }
  | { command: 'import'; folder: string; dryRun: boolean; gateway?: string; token?: string }
  | { command: 'export'; scope: string; folder: string; force: boolean; gateway?: string; token?: string };

/** The command line is wrong: the message says what to type instead. */
export class UsageError extends Error {}

const OPTIONS: Record<string, { takesValue: boolean; commands: string[] }> = {
  '--gateway': { takesValue: true, commands: ['validate', 'import', 'export'] },
  '--token': { takesValue: true, commands: ['validate', 'import', 'export'] },
  '--dry-run': { takesValue: false, commands: ['import'] },
  '--force': { takesValue: false, commands: ['export'] },
};

const COMMANDS = ['validate', 'import', 'export'] as const;
type CommandName = (typeof COMMANDS)[number];
const isCommand = (name: string): name is CommandName => (COMMANDS as readonly string[]).includes(name);

/**
 * Reads `validate <dir>`, `import <dir> [--dry-run]`, `export <slug|regional> <dir> [--force]`,
 * each with `--gateway <url>` and `--token <jwt>` (or PACK_TOKEN in the environment).
 */
export function parseArguments(args: readonly string[], environment: NodeJS.ProcessEnv = {}): PackCommand {
  if (args.length === 0 || args.some((arg) => arg === '--help' || arg === '-h') || args[0] === 'help') return { command: 'help' };
  const [command, ...rest] = args as [string, ...string[]];
  if (!isCommand(command)) {
    throw new UsageError(`"${command}" is not a pack command; use validate, import or export (npm run pack -- --help says how).`);
  }
  const positional: string[] = [];
  const values: Record<string, string | true> = {};
  for (let index = 0; index < rest.length; index += 1) {
    const arg = rest[index]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const option = OPTIONS[name];
    if (!option || !option.commands.includes(command)) {
      const known = Object.entries(OPTIONS)
        .filter(([, candidate]) => candidate.commands.includes(command))
        .map(([known]) => known);
      throw new UsageError(`${command} has no option ${name}; its options are ${known.join(', ')}.`);
    }
    if (option.takesValue) {
      const value = inline ?? rest[index + 1];
      if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) {
        throw new UsageError(
          `${name} needs a value, e.g. ${name === '--gateway' ? '--gateway http://127.0.0.1:4000/graphql' : '--token "$(npm run --silent token -- regional-admin | tail -1)"'}.`,
        );
      }
      values[name] = value;
      if (inline === undefined) index += 1;
    } else {
      if (inline !== undefined) throw new UsageError(`${name} takes no value; write just ${name}.`);
      values[name] = true;
    }
  }
  const gateway = typeof values['--gateway'] === 'string' ? values['--gateway'] : undefined;
  if (gateway !== undefined && !/^https?:\/\/\S+$/.test(gateway)) {
    throw new UsageError(`--gateway "${gateway}" is not a URL; give the gateway's GraphQL address, e.g. http://127.0.0.1:4000/graphql.`);
  }
  const token = typeof values['--token'] === 'string' ? values['--token'] : environment.PACK_TOKEN || undefined;
  const connection = { ...(gateway ? { gateway } : {}), ...(token ? { token } : {}) };

  if (command === 'export') {
    if (positional.length !== 2) {
      throw new UsageError(
        `export takes a scope and a folder, e.g. npm run pack -- export shropshire /tmp/shropshire-pack (the scope is a partnership's slug, or regional); got ${positional.length === 0 ? 'neither' : positional.join(' ')}.`,
      );
    }
    const [scope, folder] = positional as [string, string];
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(scope)) {
      throw new UsageError(`"${scope}" is not a scope: give a partnership's slug such as shropshire, or regional.`);
    }
    return { command, scope, folder, force: values['--force'] === true, ...connection };
  }
  if (positional.length !== 1) {
    throw new UsageError(
      positional.length === 0
        ? `${command} needs the pack's folder, e.g. npm run pack -- ${command} packs/shropshire.`
        : `${command} takes one folder; got ${positional.join(' ')}. Quote a path that has spaces.`,
    );
  }
  const folder = positional[0]!;
  if (command === 'validate') return { command, folder, ...connection };
  return { command, folder, dryRun: values['--dry-run'] === true, ...connection };
}

export const HELP = `npm run pack -- <command> ...

A pack is a folder of YAML files holding one partnership's facts (or, for "regional", what the
West Midlands partnerships share): pack.yaml says whose it is, and each section file holds one
part of the platform: arrangements.yaml, membership.yaml, thresholds.yaml, training.yaml,
reviews.yaml. The platform's own packs are in packs/; their JSON Schemas, in packs/schema/, give
an editor completion and errors as you type. docs/packs.md describes the format.

Commands:
  validate <dir> [--gateway <url>] [--token <jwt>]
      Checks every file of the pack and prints every problem, one a line, as
      file:line:column field: message, then how many. References must be to ids this pack, the
      packs in packs/ or (with --gateway) the running platform defines; a stated fact's quote must
      be in its source document (sources/, or the pack's own sources/ folder).

  import <dir> [--dry-run] [--gateway <url>] [--token <jwt>]
      Validates (nothing is sent if the pack has a problem), then applies it through the gateway,
      one section at a time in this order: arrangements (it creates the partnership), membership,
      thresholds, training, reviews. Each section is applied whole or not at all, and applying the
      same pack again changes nothing. Prints what each section added (+), changed (~) and ended
      (-). An import stops at the first refused section and says which sections applied and which
      were not attempted. With --dry-run nothing is written: it prints what would change, and
      goes on past a refusal so you see every section.

  export <slug|regional> <dir> [--force] [--gateway <url>] [--token <jwt>]
      Writes the pack as the platform holds it today: <dir>/pack.yaml and one file per section.
      Refuses a folder that has files in it unless --force (which overwrites them).

Options:
  --gateway <url>  The gateway's GraphQL address. Default: the platform npm start runs,
                   http://127.0.0.1:4000/graphql (GATEWAY_HOST and GATEWAY_PORT change it).
  --token <jwt>    Who you are, as a user token; PACK_TOKEN in the environment does the same.
                   import and export need one: a regional-admin's to create a partnership or for
                   the regional pack, or a partnership-admin's for their own partnership. On a
                   development platform get one with:
                     export PACK_TOKEN="$(npm run --silent token -- regional-admin | tail -1)"
                     export PACK_TOKEN="$(npm run --silent token -- partnership-admin shropshire | tail -1)"
                   Elsewhere, sign in with your organisation's account (gateway/README.md).
  --dry-run        import: say what would change; write nothing.
  --force          export: write into a folder that already has files.
  --help           This text.

Exit status: 0 when the pack is valid or every section applied; 1 when the pack has problems or
a section was refused; 2 when the command could not run (wrong arguments, no such folder, the
gateway not answering).

Examples:
  npm run pack -- export shropshire /tmp/shropshire      # see the shape of a pack
  npm run pack -- validate packs/new-partnership
  npm run pack -- import packs/new-partnership --dry-run
  npm run pack -- import packs/new-partnership
`;
