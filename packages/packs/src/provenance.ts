import { z } from 'zod';

/**
 * Where a fact comes from, in one of three ways (a user must be able to trust the word "stated"):
 * - stated: a document in sources/ (by id), its section, and a short quote that states the fact;
 * - inferred: from which stated facts (each a citation with its quote) and the reasoning, in one sentence;
 * - synthetic: generated, naming the generator.
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

export const provenance = z
  .discriminatedUnion('kind', [statedProvenance, inferredProvenance, syntheticProvenance])
  .describe('Where the fact comes from: stated (with a quote), inferred (from stated facts, with the reasoning) or synthetic.');

export type Citation = z.infer<typeof citation>;
export type StatedProvenance = z.infer<typeof statedProvenance>;
export type InferredProvenance = z.infer<typeof inferredProvenance>;
export type SyntheticProvenance = z.infer<typeof syntheticProvenance>;
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
  }
}
