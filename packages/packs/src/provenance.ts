import { z } from 'zod';

/**
 * Where a fact comes from, in one of three ways (a user must be able to trust the word "stated"):
 * - stated: a document in sources/ (by id), its section, and a short quote that states the fact;
 * - inferred: from which stated facts (each a citation with its quote) and the reasoning, in one sentence;
 * - synthetic: generated, naming the generator;
 * and, for what an administrator enters through the API without a quote, recorded (as given, unchecked).
 * A quote is copied from the document's text (whitespace may differ); a test checks every quote is there.
 */

/** A source document's stable id: its file name in sources/ (e.g. "003_b1549964c7b91fcb.txt"), or a pack's own sources/. */
export const sourceId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_.-]{2,80}\.txt$/, 'a source id is a file name in sources/, e.g. "003_b1549964c7b91fcb.txt"')
  .describe('A source document by its id: its file name in sources/ (see sources/index.json).');

export const citation = z
  .strictObject({
    source: sourceId,
    section: z.string().min(1).max(300).describe('The section, heading or table of the document.'),
    quote: z.string().min(3).max(600).describe("A short quote from the document's text that states the fact (copied; whitespace may differ)."),
  })
  .describe('A passage of a source document: its id, section and a short quote.');

export const statedProvenance = z
  .strictObject({
    kind: z.literal('stated'),
    source: sourceId,
    section: citation.shape.section,
    quote: citation.shape.quote,
  })
  .describe('Stated: the document says so, in the quoted words.');

export const inferredProvenance = z
  .strictObject({
    kind: z.literal('inferred'),
    from: z.array(citation).min(1).describe('The stated facts the value is reasoned from.'),
    reasoning: z.string().min(10).max(400).describe('How the value follows from them, in one sentence.'),
  })
  .describe('Inferred: reasoned from stated facts; the reasoning says how.');

export const syntheticProvenance = z
  .strictObject({
    kind: z.literal('synthetic'),
    generator: z
      .string()
      .min(3)
      .max(300)
      .describe('What generated the value, e.g. "fictional partnership written for the onboarding test" or a generator module.'),
  })
  .describe('Synthetic: generated, not read from any document.');

export const recordedProvenance = z
  .strictObject({
    kind: z.literal('recorded'),
    document: z.string().min(1).max(300).describe('The document the administrator named, or "Recorded through the API" when they named none.'),
    section: z.string().min(1).max(300).describe('The section they named, or the mutation and who made it.'),
  })
  .describe(
    'Recorded: entered through the API by an administrator, with the document and section they gave; not checked against a text. Exported as recorded so a round trip keeps it; write stated, inferred or synthetic in a pack you author.',
  );

export const provenance = z
  .discriminatedUnion('kind', [statedProvenance, inferredProvenance, syntheticProvenance, recordedProvenance])
  .describe('Where the fact comes from: stated (with a quote), inferred (from stated facts, with the reasoning), synthetic, or recorded through the API.');

export type Citation = z.infer<typeof citation>;
export type StatedProvenance = z.infer<typeof statedProvenance>;
export type InferredProvenance = z.infer<typeof inferredProvenance>;
export type SyntheticProvenance = z.infer<typeof syntheticProvenance>;
export type RecordedProvenance = z.infer<typeof recordedProvenance>;
export type Provenance = z.infer<typeof provenance>;

/** Shorthands for the seeders and generators that write provenance in code. */
export const stated = (source: string, section: string, quote: string): StatedProvenance => ({ kind: 'stated', source, section, quote });
export const inferred = (from: Citation[], reasoning: string): InferredProvenance => ({ kind: 'inferred', from, reasoning });
export const synthetic = (generator: string): SyntheticProvenance => ({ kind: 'synthetic', generator });

/**
 * What the API shows of a stored `source` value. Rows written before provenance was audited, and
 * values an administrator records through the API, hold { document, section } without a kind:
 * they are RECORDED (as given, not checked against a text), never STATED.
 */
export interface ProvenanceView {
  kind: 'STATED' | 'INFERRED' | 'SYNTHETIC' | 'RECORDED';
  document: string;
  section: string;
  quote: string | null;
  inferredFrom: ProvenanceView[] | null;
  reasoning: string | null;
  generator: string | null;
  synthetic: boolean;
}

/** A stored `source` value: a Provenance, or the older { document, section, synthetic? } shape. */
export type StoredSource = Provenance | { document: string; section: string; synthetic?: boolean };

export function viewOfProvenance(stored: StoredSource): ProvenanceView {
  const base = { quote: null, inferredFrom: null, reasoning: null, generator: null };
  if (!('kind' in stored)) {
    return {
      ...base,
      kind: stored.synthetic ? 'SYNTHETIC' : 'RECORDED',
      document: stored.document,
      section: stored.section,
      synthetic: stored.synthetic ?? false,
    };
  }
  switch (stored.kind) {
    case 'stated':
      return { ...base, kind: 'STATED', document: stored.source, section: stored.section, quote: stored.quote, synthetic: false };
    case 'inferred': {
      const from = stored.from.map((cited) => viewOfProvenance({ kind: 'stated', ...cited }));
      return {
        ...base,
        kind: 'INFERRED',
        document: from[0]!.document,
        section: from[0]!.section,
        inferredFrom: from,
        reasoning: stored.reasoning,
        synthetic: false,
      };
    }
    case 'synthetic':
      return { ...base, kind: 'SYNTHETIC', document: 'synthetic', section: stored.generator, generator: stored.generator, synthetic: true };
    case 'recorded':
      return { ...base, kind: 'RECORDED', document: stored.document, section: stored.section, synthetic: false };
  }
}

/**
 * The provenance a pack holds for a stored `source`: as is when it has a kind; the older
 * { document, section, synthetic? } shape (values recorded through the API, rows written before
 * the audit) as recorded, or synthetic when it said so. Exporters use this, so a value entered
 * through the API is never written into a pack as stated.
 */
export function packProvenanceOf(stored: StoredSource): Provenance {
  if ('kind' in stored) return inSchemaOrder(stored);
  const clip = (text: string) => (text.length > 300 ? `${text.slice(0, 299)}…` : text || 'not given');
  if (stored.synthetic) return { kind: 'synthetic', generator: clip(`${stored.document}: ${stored.section}`) };
  return { kind: 'recorded', document: clip(stored.document), section: clip(stored.section) };
}

/** The same provenance with its keys in the schema's order (jsonb does not keep them), so an exported file reads as written. */
function inSchemaOrder(stored: Provenance): Provenance {
  switch (stored.kind) {
    case 'stated':
      return { kind: 'stated', source: stored.source, section: stored.section, quote: stored.quote };
    case 'inferred':
      return { kind: 'inferred', from: stored.from.map((cited) => ({ source: cited.source, section: cited.section, quote: cited.quote })), reasoning: stored.reasoning };
    case 'synthetic':
      return { kind: 'synthetic', generator: stored.generator };
    case 'recorded':
      return { kind: 'recorded', document: stored.document, section: stored.section };
  }
}
