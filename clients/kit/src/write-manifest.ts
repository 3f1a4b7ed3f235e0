/**
 * Writes dist/persisted-query-manifest.json (run by the build): the kit's typed documents as Apollo
 * Client sends them, for a gateway in safelist mode that serves Apollo Client front ends.
 */
import fs from 'node:fs';
import path from 'node:path';
import { apolloClientManifest } from './persisted-manifest';
import { typedDocuments } from './typed-documents';

export const MANIFEST_FILE = path.join(__dirname, '..', 'persisted-query-manifest.json');

if (require.main === module) {
  fs.writeFileSync(MANIFEST_FILE, `${JSON.stringify(apolloClientManifest(typedDocuments), null, 2)}\n`);
  console.log(`Wrote ${path.relative(process.cwd(), MANIFEST_FILE)} (${typedDocuments.length} operations, as Apollo Client sends them).`);
}
