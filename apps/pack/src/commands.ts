import fs from 'node:fs';
import path from 'node:path';
import { packFolders, type PackProblem, type PackValidation, sectionFile, type SubgraphSection, validatePack } from '@safeguarding/packs';
import { stringify } from 'yaml';
import { type GatewayClient, GatewayRefusal, GatewayUnavailable } from './gateway';
import { CommandFailure, type Output } from './output';
import { platformIds } from './platform-ids';
import { formatImportSummary, formatRefusal, formatSectionOutcome, formatValidation, type PackChange, type SectionOutcome } from './report';
import { applyMutation, exportQuery, sectionsOfScope } from './sections';

const TOKEN_ADVICE =
  'Give a token with --token <jwt> or PACK_TOKEN: on a development platform, ' +
  'export PACK_TOKEN="$(npm run --silent token -- regional-admin | tail -1)" ' +
  "(or partnership-admin <slug> for your own partnership); elsewhere sign in with your organisation's account.";

function requireFolder(folder: string): void {
  if (!fs.existsSync(folder)) {
    throw new CommandFailure(
      `There is no folder ${folder}. Give a pack's folder, e.g. packs/shropshire; to start a new one, ` +
        `npm run pack -- export shropshire /tmp/shropshire shows the shape.`,
    );
  }
  if (!fs.statSync(folder).isDirectory()) throw new CommandFailure(`${folder} is a file; a pack is a folder holding pack.yaml and its section files.`);
}

/**
 * Validates a folder as validatePack does, with the repository's packs (packs/, or
 * PACKS_DIRECTORY) and, given a gateway, the running platform's ids as what references may point
 * at. Problems name the file by its path from here, so an editor or terminal can open the line.
 */
export async function checkPack(folder: string, gateway?: GatewayClient): Promise<PackValidation> {
  requireFolder(folder);
  const validation = validatePack(folder, {
    platformPacks: packFolders(),
    ...(gateway ? { platformIds: await platformIds(gateway) } : {}),
  });
  const problems: PackProblem[] = validation.problems.map((problem) => ({ ...problem, file: path.join(folder, problem.file) }));
  return { pack: validation.pack, problems };
}

export async function runValidate(folder: string, gateway: GatewayClient | undefined, output: Output): Promise<number> {
  const { problems } = await checkPack(folder, gateway);
  for (const line of formatValidation(folder, problems)) output.line(line);
  return problems.length > 0 ? 1 : 0;
}

interface ApplyAnswer {
  [field: string]: { scope: string; section: string; applied: boolean; changes: PackChange[] };
}

/**
 * Applies a pack section by section. A refused section stops a real import there: the sections
 * after it may depend on it (membership on arrangements' new bodies), and applying them against
 * a half-imported partnership would report refusals that are only echoes of the first one. A
 * dry run writes nothing, so it goes on and reports every section.
 */
export async function runImport(folder: string, options: { dryRun: boolean; gateway: GatewayClient; token?: string }, output: Output): Promise<number> {
  if (!options.token) throw new CommandFailure(`import applies the pack as you, through the gateway, so it needs to know who you are. ${TOKEN_ADVICE}`);
  const { pack, problems } = await checkPack(folder, options.gateway);
  if (!pack || problems.length > 0) {
    for (const line of formatValidation(folder, problems)) output.line(line);
    output.line('Nothing was sent to the gateway: correct the pack and import again.');
    return 1;
  }
  const scope = pack.manifest.scope;
  output.line(`${options.dryRun ? 'Dry run of' : 'Importing'} ${folder} (${scope}) through ${options.gateway.url}`);
  const outcomes: SectionOutcome[] = [];
  let stopped = false;
  for (const section of sectionsOfScope(scope)) {
    const file = path.join(folder, sectionFile(section));
    let outcome: SectionOutcome;
    if (!fs.existsSync(file)) outcome = { section, status: 'not in the pack' };
    else if (stopped) outcome = { section, status: 'not attempted' };
    else outcome = await applySection(options.gateway, scope, section, fs.readFileSync(file, 'utf8'), options.dryRun);
    if (outcome.status === 'refused' && !options.dryRun) stopped = true;
    outcomes.push(outcome);
    for (const line of formatSectionOutcome(outcome)) output.line(line);
  }
  for (const line of formatImportSummary(scope, outcomes, options.dryRun)) output.line(line);
  return outcomes.some((outcome) => outcome.status === 'refused') ? 1 : 0;
}

async function applySection(gateway: GatewayClient, scope: string, section: SubgraphSection, text: string, dryRun: boolean): Promise<SectionOutcome> {
  try {
    const answer = await gateway.request<ApplyAnswer>(applyMutation(section), { scope, text, dryRun });
    const applied = Object.values(answer)[0]!;
    return { section, status: dryRun ? 'would apply' : 'applied', changes: applied.changes };
  } catch (error) {
    if (error instanceof GatewayRefusal) return { section, status: 'refused', errors: error.errors };
    if (error instanceof GatewayUnavailable) {
      // A lost answer may hide a committed section; importing again is safe because applying is idempotent.
      return {
        section,
        status: 'refused',
        errors: [
          {
            message: `${error.message} The section may or may not have been applied; when the gateway answers again, import again (applying the same pack twice changes nothing the second time).`,
            extensions: { code: 'NO_ANSWER' },
          },
        ],
      };
    }
    throw error;
  }
}

/**
 * pack.yaml as the repository's packs have it: the schema comment, then the scope. The platform
 * keeps no pack description, so an export has none (export, import, export gives the same bytes).
 */
export function manifestText(scope: string): string {
  return `# yaml-language-server: $schema=../schema/pack.schema.json\n${stringify({ scope })}`;
}

/**
 * Writes the pack of a scope as the platform holds it: every section is fetched before any file is
 * written, so a refusal (no rights, no such partnership) leaves the folder as it was.
 */
export async function runExport(
  scope: string,
  folder: string,
  options: { force: boolean; gateway: GatewayClient; token?: string },
  output: Output,
): Promise<number> {
  if (!options.token) throw new CommandFailure(`export reads the pack as you, through the gateway, so it needs to know who you are. ${TOKEN_ADVICE}`);
  if (fs.existsSync(folder)) {
    if (!fs.statSync(folder).isDirectory()) throw new CommandFailure(`${folder} is a file; give a folder to write the pack into.`);
    if (!options.force && fs.readdirSync(folder).length > 0) {
      throw new CommandFailure(`${folder} already has files in it; give an empty or new folder, or add --force to overwrite the pack's files there.`);
    }
  }
  const files: { name: string; text: string }[] = [{ name: 'pack.yaml', text: manifestText(scope) }];
  for (const section of sectionsOfScope(scope)) {
    try {
      const answer = await options.gateway.request<Record<string, { text: string }>>(exportQuery(section), { scope });
      files.push({ name: sectionFile(section), text: Object.values(answer)[0]!.text });
    } catch (error) {
      if (!(error instanceof GatewayRefusal)) throw error;
      output.line(`${section}: refused`);
      for (const line of error.errors.flatMap(formatRefusal)) output.line(`  ${line}`);
      output.line(`Nothing was written to ${folder}.`);
      return 1;
    }
  }
  fs.mkdirSync(folder, { recursive: true });
  for (const file of files) {
    fs.writeFileSync(path.join(folder, file.name), file.text);
    output.line(`wrote ${path.join(folder, file.name)}`);
  }
  output.line(`${scope}: ${files.length - 1} sections and pack.yaml exported from ${options.gateway.url}`);
  return 0;
}
