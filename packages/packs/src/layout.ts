import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * A pack is a folder: `pack.yaml` says whose it is (a partnership's slug, or "regional" for what the
 * region shares), and one YAML file per subgraph section holds that subgraph's facts. The packs the
 * platform starts with are in packs/ at the repository root; PACKS_DIRECTORY points elsewhere.
 */

export const SUBGRAPH_SECTIONS = ['arrangements', 'membership', 'reviews', 'training', 'thresholds'] as const;
export type SubgraphSection = (typeof SUBGRAPH_SECTIONS)[number];

export const REGIONAL = 'regional';

export const packManifest = z
  .strictObject({
    scope: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'scope is a partnership slug such as "shropshire", or "regional"')
      .describe('Whose pack this is: a partnership slug, or "regional" for what the region shares.'),
    description: z.string().max(500).optional().describe('What the pack holds, for the people who maintain it.'),
  })
  .describe('pack.yaml: whose facts the folder holds.');
export type PackManifest = z.infer<typeof packManifest>;

/** The file of a section within a pack folder. */
export const sectionFile = (section: SubgraphSection): string => `${section}.yaml`;

/** packs/ at the repository root (this file is packages/packs/{src,dist}/layout). */
export const REPOSITORY_PACKS = path.resolve(__dirname, '..', '..', '..', 'packs');

export function packsDirectory(): string {
  return process.env.PACKS_DIRECTORY ? path.resolve(process.env.PACKS_DIRECTORY) : REPOSITORY_PACKS;
}

/**
 * The pack folders under a packs directory in load order: the regional pack first (partnerships
 * draw on its registry), then partnerships by slug. A folder without pack.yaml is not a pack.
 */
export function packFolders(directory = packsDirectory()): string[] {
  if (!fs.existsSync(directory)) return [];
  const folders = fs
    .readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(directory, entry.name, 'pack.yaml')))
    .map((entry) => entry.name)
    .sort((a, b) => (a === REGIONAL ? -1 : b === REGIONAL ? 1 : a.localeCompare(b)));
  return folders.map((name) => path.join(directory, name));
}
