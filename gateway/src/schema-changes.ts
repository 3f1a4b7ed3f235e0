import fs from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { type Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema, type GraphQLSchema, printSchema } from 'graphql';
import { REPOSITORY_ROOT } from '@safeguarding/config';
import { SUPERGRAPH_FILE } from './compose';

/**
 * The breaking-change check. Clients see the gateway's API schema (the supergraph without its
 * federation internals); the last released one is checked in as gateway/released/api-schema.graphql.
 * A change that can break a client (a field removed, an argument made required, a type changed)
 * must be listed in CHANGELOG.md under "## Unreleased" with a migration note, or the check fails.
 * Additions and description changes never need a note. `npm run schema:release -- <version>`
 * records a release: it copies today's API schema over the released one and dates the section.
 */

export const RELEASED_API_SCHEMA_FILE = path.join(REPOSITORY_ROOT, 'gateway', 'released', 'api-schema.graphql');
export const CHANGELOG_FILE = path.join(REPOSITORY_ROOT, 'CHANGELOG.md');

/** The schema a client sees: the composed supergraph's API schema, printed. */
export function apiSchemaOf(supergraphSdl: string): string {
  return printSchema(Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema());
}

/** The lines of the CHANGELOG's "## Unreleased" section (up to the next "## " heading). */
export function unreleasedSection(changelog: string): string[] {
  const lines = changelog.split('\n');
  const start = lines.findIndex((line) => /^## Unreleased\s*$/.test(line));
  if (start < 0) return [];
  const end = lines.findIndex((line, index) => index > start && line.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

export interface BreakingChange {
  /** The schema coordinate the change is at, e.g. Body.chairRule or Query.partnership.slug. */
  path: string;
  message: string;
  /** True when CHANGELOG.md lists it (its path in backticks on a line with "Migration:"). */
  listed: boolean;
}

export interface SchemaCheck {
  breaking: BreakingChange[];
  /** Changes that may change behaviour for a client without breaking its queries (e.g. a new enum value). */
  dangerous: Change[];
  safe: number;
}

function listedIn(section: string[], coordinate: string): boolean {
  return section.some((line) => line.includes(`\`${coordinate}\``) && /Migration:/i.test(line));
}

/** Compares two API schemas and says which breaking changes the CHANGELOG lists. */
export async function checkSchemaChanges(released: GraphQLSchema, current: GraphQLSchema, changelog: string): Promise<SchemaCheck> {
  const changes = await diff(released, current);
  const section = unreleasedSection(changelog);
  const breaking = changes
    .filter((change) => change.criticality.level === CriticalityLevel.Breaking)
    .map((change) => {
      const coordinate = change.path ?? change.message;
      return { path: coordinate, message: change.message, listed: listedIn(section, coordinate) };
    });
  return {
    breaking,
    dangerous: changes.filter((change) => change.criticality.level === CriticalityLevel.Dangerous),
    safe: changes.filter((change) => change.criticality.level === CriticalityLevel.NonBreaking).length,
  };
}

/** The repository's check: today's supergraph against the last released API schema. */
export async function checkRepository(): Promise<SchemaCheck> {
  const released = buildSchema(fs.readFileSync(RELEASED_API_SCHEMA_FILE, 'utf8'));
  const current = buildSchema(apiSchemaOf(fs.readFileSync(SUPERGRAPH_FILE, 'utf8')));
  return checkSchemaChanges(released, current, fs.readFileSync(CHANGELOG_FILE, 'utf8'));
}

/** What a developer reads when the check fails: each unlisted change and what to do about it. */
export function explainUnlisted(check: SchemaCheck): string {
  const unlisted = check.breaking.filter((change) => !change.listed);
  if (unlisted.length === 0) return '';
  return [
    `${unlisted.length} breaking change(s) since the last release are not in CHANGELOG.md:`,
    ...unlisted.map((change) => `  - ${change.path}: ${change.message}`),
    'Make the change additive (add the new field, deprecate the old one with @deprecated), or list each under "## Unreleased"',
    'in CHANGELOG.md as: - `<path>`: what changed. Migration: what a client does instead.',
  ].join('\n');
}

/** Records a release: today's API schema becomes the released one; "## Unreleased" gets the version and date. */
export function recordRelease(version: string, on: string): void {
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`The version must look like 1.2.3; got "${version}".`);
  const changelog = fs.readFileSync(CHANGELOG_FILE, 'utf8');
  if (!/^## Unreleased\s*$/m.test(changelog)) throw new Error('CHANGELOG.md has no "## Unreleased" section to release.');
  fs.writeFileSync(RELEASED_API_SCHEMA_FILE, apiSchemaOf(fs.readFileSync(SUPERGRAPH_FILE, 'utf8')));
  fs.writeFileSync(CHANGELOG_FILE, changelog.replace(/^## Unreleased\s*$/m, `## Unreleased\n\n## ${version} (${on})`));
}

if (require.main === module) {
  const [command, version] = process.argv.slice(2);
  if (command === 'release') {
    try {
      recordRelease(version ?? '', new Date().toISOString().slice(0, 10));
      console.log(`Released ${version}: ${path.relative(process.cwd(), RELEASED_API_SCHEMA_FILE)} updated, CHANGELOG.md dated.`);
    } catch (error) {
      console.error((error as Error).message);
      process.exit(1);
    }
  } else {
    checkRepository().then(
      (check) => {
        const problem = explainUnlisted(check);
        for (const change of check.dangerous) console.warn(`dangerous: ${change.path ?? ''} ${change.message}`);
        console.log(
          `${check.breaking.length} breaking (${check.breaking.filter((c) => c.listed).length} listed), ${check.dangerous.length} dangerous, ${check.safe} safe change(s) since the last release.`,
        );
        if (problem) {
          console.error(problem);
          process.exit(1);
        }
      },
      (error: unknown) => {
        console.error((error as Error).message);
        process.exit(1);
      },
    );
  }
}
