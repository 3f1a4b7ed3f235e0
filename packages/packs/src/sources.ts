import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** sources/ at the repository root: the documents facts cite, with index.json. */
export const REPOSITORY_SOURCES = path.resolve(__dirname, '..', '..', '..', 'sources');

export const sourceDocument = z.strictObject({
  title: z.string().min(1),
  kind: z.enum(['web page', 'document']),
  version: z.string().optional(),
  publisher: z.string().min(1),
  date: z.string().nullable(),
  dateNote: z.string().optional(),
  address: z.string().url().nullable(),
  partnership: z.string().nullable(),
});
export type SourceDocument = z.infer<typeof sourceDocument>;

export const sourceIndex = z.record(z.string(), sourceDocument);

/**
 * The documents that can be cited: sources/ at the repository root, and a pack's own sources/
 * folder (a new partnership brings its documents with it). Later folders may add, not replace.
 */
export class SourceLibrary {
  private readonly documents = new Map<string, { folder: string; document: SourceDocument }>();
  private readonly texts = new Map<string, string>();

  constructor(folders: string[] = [REPOSITORY_SOURCES]) {
    for (const folder of folders) {
      const indexFile = path.join(folder, 'index.json');
      if (!fs.existsSync(indexFile)) continue;
      const index = sourceIndex.parse(JSON.parse(fs.readFileSync(indexFile, 'utf8')));
      for (const [id, document] of Object.entries(index)) if (!this.documents.has(id)) this.documents.set(id, { folder, document });
    }
  }

  has(id: string): boolean {
    return this.documents.has(id);
  }

  document(id: string): SourceDocument | undefined {
    return this.documents.get(id)?.document;
  }

  text(id: string): string | undefined {
    const entry = this.documents.get(id);
    if (!entry) return undefined;
    if (!this.texts.has(id)) {
      const file = path.join(entry.folder, id);
      this.texts.set(id, fs.existsSync(file) ? normaliseForQuote(fs.readFileSync(file, 'utf8')) : '');
    }
    return this.texts.get(id);
  }

  /** Whether the document's text holds the quote (spacing, curly quotes and dashes aside). */
  quotes(id: string, quote: string): boolean {
    const text = this.text(id);
    return text !== undefined && text.includes(normaliseForQuote(quote));
  }
}

/** Captured texts break lines mid-sentence and mix quote and dash characters; a quote may not. */
export function normaliseForQuote(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u00A0\s•▪●]+/g, ' ')
    .trim()
    .toLowerCase();
}
