import fs from 'node:fs';
import path from 'node:path';
import { packManifest, type PackManifest, SUBGRAPH_SECTIONS, type SubgraphSection, sectionFile, REGIONAL } from './layout';
import { fieldPath, LocatedYaml, type PackProblem, readPackFile } from './read';
import { type PackReference, sectionFor } from './sections';
import { REPOSITORY_SOURCES, SourceLibrary } from './sources';
import { THEME_IDS } from '@safeguarding/vocabulary';

/** The kinds of id each section defines (in a partnership's or the regional pack). */
const KINDS_DEFINED_BY: Record<SubgraphSection, string[]> = {
  arrangements: ['body', 'regional-procedure'],
  membership: ['organisation'],
  reviews: ['review-kind'],
  thresholds: ['threshold-level', 'threshold-model'],
  training: ['course'],
};

/** Where each kind of id is defined, for the message when a reference finds none. */
const DEFINED_IN: Record<string, string> = {
  organisation: 'the regional pack\'s membership section holds the organisation registry',
  body: 'bodies are defined in an arrangements section (joint.* in the regional pack)',
  theme: 'themes are the platform\'s shared vocabulary (packages/vocabulary)',
  'threshold-level': 'the regional pack\'s thresholds section holds the regional scale',
  'regional-procedure': 'the regional pack\'s arrangements section holds the regional procedures',
  'review-kind': 'the regional pack\'s reviews section holds the kinds of review',
};

/** A pack read from its folder: its manifest and each section's validated value. */
export interface ReadPack {
  folder: string;
  manifest: PackManifest;
  sections: Partial<Record<SubgraphSection, unknown>>;
}

export interface PackValidation {
  pack: ReadPack | undefined;
  problems: PackProblem[];
}

export interface ValidateOptions {
  /** Other pack folders whose definitions count as the platform's (e.g. packs/ in the repository). */
  platformPacks?: string[];
  /** Ids the running platform holds, as "<kind>:<id>" (the `pack` command can ask the gateway). */
  platformIds?: Set<string>;
}

/** Reads a pack folder: manifest and sections, each checked against its schema. */
export function readPack(folder: string): PackValidation {
  const problems: PackProblem[] = [];
  const manifestFile = path.join(folder, 'pack.yaml');
  if (!fs.existsSync(manifestFile)) {
    return {
      pack: undefined,
      problems: [{ file: 'pack.yaml', line: 0, column: 0, field: '', message: `${folder} has no pack.yaml; a pack folder starts with one saying its scope` }],
    };
  }
  const manifestRead = readPackFile('pack.yaml', fs.readFileSync(manifestFile, 'utf8'), packManifest);
  if (!manifestRead.value) return { pack: undefined, problems: manifestRead.problems };
  const manifest = manifestRead.value;
  const pack: ReadPack = { folder, manifest, sections: {} };
  const known = new Set(['pack.yaml', ...SUBGRAPH_SECTIONS.map(sectionFile)]);
  for (const entry of fs.readdirSync(folder).sort()) {
    if (!/\.ya?ml$/.test(entry) || known.has(entry)) continue;
    problems.push({
      file: entry,
      line: 0,
      column: 0,
      field: '',
      message: `not a section of a pack; the sections are ${SUBGRAPH_SECTIONS.map(sectionFile).join(', ')}`,
    });
  }
  for (const subgraph of SUBGRAPH_SECTIONS) {
    const file = path.join(folder, sectionFile(subgraph));
    if (!fs.existsSync(file)) continue;
    const definition = sectionFor(manifest.scope, subgraph);
    if (!definition) {
      problems.push({
        file: sectionFile(subgraph),
        line: 0,
        column: 0,
        field: '',
        message: `a ${manifest.scope === REGIONAL ? 'regional' : 'partnership'} pack has no ${subgraph} section`,
      });
      continue;
    }
    const read = readPackFile(sectionFile(subgraph), fs.readFileSync(file, 'utf8'), definition.schema);
    if (read.value === undefined) problems.push(...read.problems);
    else pack.sections[subgraph] = read.value;
  }
  return { pack, problems };
}

function definitionsOf(pack: ReadPack): PackReference[] {
  const defined: PackReference[] = [{ kind: 'partnership', id: pack.manifest.scope, path: [] }];
  for (const [subgraph, value] of Object.entries(pack.sections)) {
    defined.push(...sectionFor(pack.manifest.scope, subgraph as SubgraphSection)!.defines(value, pack.manifest.scope));
  }
  return defined;
}

/** Every provenance value in a section (any object with kind stated or inferred), with its path. */
function citationsIn(value: unknown, at: (string | number)[] = []): { path: (string | number)[]; source: string; quote: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => citationsIn(item, [...at, index]));
  if (!value || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const found: { path: (string | number)[]; source: string; quote: string }[] = [];
  if (record.kind === 'stated' && typeof record.source === 'string' && typeof record.quote === 'string') {
    found.push({ path: at, source: record.source, quote: record.quote });
  }
  for (const [key, child] of Object.entries(record)) found.push(...citationsIn(child, [...at, key]));
  if (record.kind === 'inferred' && Array.isArray(record.from)) {
    record.from.forEach((cited: { source?: unknown; quote?: unknown }, index) => {
      if (typeof cited.source === 'string' && typeof cited.quote === 'string')
        found.push({ path: [...at, 'from', index], source: cited.source, quote: cited.quote });
    });
  }
  return found;
}

/**
 * `pack validate`: every problem at once. Shape (each file against its schema), then what the
 * shapes cannot say: references to organisations, bodies, themes or levels that neither this pack,
 * the platform's packs nor the running platform defines, ids defined twice, and stated facts whose
 * source is unknown or whose quote is not in the source's text.
 */
export function validatePack(folder: string, options: ValidateOptions = {}): PackValidation {
  const { pack, problems } = readPack(folder);
  if (!pack) return { pack, problems };
  const located = new Map<SubgraphSection, LocatedYaml>();
  const locate = (subgraph: SubgraphSection, where: (string | number)[]) => {
    if (!located.has(subgraph))
      located.set(subgraph, new LocatedYaml(sectionFile(subgraph), fs.readFileSync(path.join(folder, sectionFile(subgraph)), 'utf8')));
    return located.get(subgraph)!.positionOf(where);
  };

  // The theme vocabulary is the platform's own (not a pack's): every pack may use it.
  const platform = new Set([...(options.platformIds ?? []), ...[...THEME_IDS].map((id) => `theme:${id}`)]);
  for (const other of options.platformPacks ?? []) {
    if (path.resolve(other) === path.resolve(folder)) continue;
    const read = readPack(other);
    if (read.pack && read.pack.manifest.scope !== pack.manifest.scope)
      for (const reference of definitionsOf(read.pack)) platform.add(`${reference.kind}:${reference.id}`);
  }
  const unread = SUBGRAPH_SECTIONS.filter((subgraph) => fs.existsSync(path.join(folder, sectionFile(subgraph))) && !(subgraph in pack.sections));
  const own = new Map<string, SubgraphSection>();
  for (const [subgraph, value] of Object.entries(pack.sections) as [SubgraphSection, unknown][]) {
    const definition = sectionFor(pack.manifest.scope, subgraph)!;
    for (const reference of definition.defines(value, pack.manifest.scope)) {
      const key = `${reference.kind}:${reference.id}`;
      if (own.has(key) && own.get(key) === subgraph) {
        problems.push({
          file: sectionFile(subgraph),
          ...locate(subgraph, reference.path),
          field: fieldPath(reference.path),
          message: `${reference.kind} "${reference.id}" is defined twice; ids must be unique`,
        });
      }
      own.set(key, subgraph);
    }
  }
  own.set(`partnership:${pack.manifest.scope}`, 'arrangements');
  for (const [subgraph, value] of Object.entries(pack.sections) as [SubgraphSection, unknown][]) {
    const definition = sectionFor(pack.manifest.scope, subgraph)!;
    for (const reference of definition.references(value, pack.manifest.scope)) {
      const key = `${reference.kind}:${reference.id}`;
      if (own.has(key) || platform.has(key)) continue;
      // A section that did not read defines nothing yet: its own problems come first, not every reference to it.
      if (unread.some((section) => KINDS_DEFINED_BY[section].includes(reference.kind))) continue;
      problems.push({
        file: sectionFile(subgraph),
        ...locate(subgraph, reference.path),
        field: fieldPath(reference.path),
        message: `no ${reference.kind} "${reference.id}" in this pack or the platform; correct the id, or define it (${DEFINED_IN[reference.kind] ?? 'in the section that owns it'})`,
      });
    }
  }

  const library = new SourceLibrary([REPOSITORY_SOURCES, path.join(folder, 'sources')]);
  for (const [subgraph, value] of Object.entries(pack.sections) as [SubgraphSection, unknown][]) {
    for (const cited of citationsIn(value)) {
      const where = { file: sectionFile(subgraph), ...locate(subgraph, cited.path), field: fieldPath(cited.path) };
      if (!library.has(cited.source)) {
        problems.push({
          ...where,
          message: `source "${cited.source}" is not in sources/index.json nor in the pack's sources/; add the document there or cite one that is`,
        });
      } else if (!library.quotes(cited.source, cited.quote)) {
        problems.push({
          ...where,
          message: `the quote is not in ${cited.source}; copy the words as the document has them, or make the fact inferred or synthetic`,
        });
      }
    }
  }
  return { pack, problems };
}
