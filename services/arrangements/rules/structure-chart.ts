import { instance, type Viz } from '@viz-js/viz';

/**
 * The structure chart, drawn from the bodies graph. DOT is the one description; SVG comes from
 * Graphviz compiled to WebAssembly (no browser, no network); Mermaid is a second text form for
 * clients that render it themselves.
 */
export interface ChartBody {
  id: string;
  name: string;
  kind: string;
  reportsToBodyId: string | null;
}

export interface ChartInput {
  partnershipName: string;
  bodies: ChartBody[];
  /** Close relationships between drawn bodies, each once. */
  relationships: { bodyId: string; relatedBodyId: string }[];
  /** Bodies shared with other partnerships: the other partnerships' names. */
  sharedWith: Map<string, string[]>;
}

/** A DOT quoted string: backslashes (Graphviz's \\N, \\n, \\l escapes) and quotes escaped, so a name cannot end the string or add attributes. */
const quote = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
/**
 * A label drawn as written: also "&" as "&amp;" (Graphviz reads entities in labels, so a name
 * holding "&lt;" would be drawn as "<"), and line breaks as spaces (names are single-line now;
 * older rows may not be).
 */
const dotLabel = (text: string) => quote(text.replace(/&/g, '&amp;').replace(/[\r\n\u2028\u2029]+/g, ' '));
const KIND_STYLE: Record<string, string> = {
  LEAD_PARTNERS_FORUM: 'fillcolor="#fde68a"',
  EXECUTIVE: 'fillcolor="#bfdbfe"',
  PARTNERSHIP_BOARD: 'fillcolor="#c7d2fe"',
  WIDER_PARTNERSHIP: 'fillcolor="#c7d2fe"',
};

export function structureChartDot(input: ChartInput): string {
  const drawn = new Set(input.bodies.map((body) => body.id));
  const lines = [
    `digraph structure {`,
    `  graph [rankdir=TB, label=${quote(`${input.partnershipName}: structure`)}, labelloc=t, fontname="DejaVu Sans"];`,
    `  node [shape=box, style="rounded,filled", fillcolor="#f1f5f9", fontname="DejaVu Sans", fontsize=11];`,
  ];
  for (const body of input.bodies)
    lines.push(`  ${quote(body.id)} [label=${dotLabel(body.name)}${KIND_STYLE[body.kind] ? `, ${KIND_STYLE[body.kind]}` : ''}];`);
  for (const body of input.bodies) {
    if (body.reportsToBodyId && drawn.has(body.reportsToBodyId))
      lines.push(`  ${quote(body.reportsToBodyId)} -> ${quote(body.id)} [dir=back, label="reports to", fontsize=9];`);
  }
  for (const link of input.relationships) {
    if (drawn.has(link.bodyId) && drawn.has(link.relatedBodyId))
      lines.push(`  ${quote(link.bodyId)} -> ${quote(link.relatedBodyId)} [style=dashed, dir=none, constraint=false];`);
  }
  for (const [bodyId, others] of input.sharedWith) {
    for (const other of others) {
      const node = `other:${other}`;
      lines.push(`  ${quote(node)} [label=${dotLabel(other)}, shape=note, fillcolor="#ffffff"];`);
      lines.push(`  ${quote(bodyId)} -> ${quote(node)} [style=dotted, dir=none, label="shared with", fontsize=9];`);
    }
  }
  lines.push('}');
  return lines.join('\n');
}

/**
 * A Mermaid node label drawn as written. Mermaid renders labels as HTML and decodes its own
 * entity codes (#quot;, #60;), so "#" is coded too, then what HTML or Mermaid would read as markup:
 * < > & " and the backtick (which starts a Markdown string). Line breaks become spaces.
 */
export function mermaidLabel(text: string): string {
  const codes: Record<string, string> = { '#': '#35;', '<': '#60;', '>': '#62;', '&': '#38;', '"': '#quot;', '`': '#96;' };
  return `"${text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[#<>&"`]/g, (character) => codes[character]!)}"`;
}

export function structureChartMermaid(input: ChartInput): string {
  const ids = new Map(input.bodies.map((body, index) => [body.id, `b${index}`]));
  const lines = ['flowchart TD'];
  for (const body of input.bodies) lines.push(`  ${ids.get(body.id)}[${mermaidLabel(body.name)}]`);
  for (const body of input.bodies) {
    const parent = body.reportsToBodyId ? ids.get(body.reportsToBodyId) : undefined;
    if (parent) lines.push(`  ${parent} --> ${ids.get(body.id)}`);
  }
  for (const link of input.relationships) {
    const [a, b] = [ids.get(link.bodyId), ids.get(link.relatedBodyId)];
    if (a && b) lines.push(`  ${a} -.- ${b}`);
  }
  let other = 0;
  for (const [bodyId, names] of input.sharedWith) {
    for (const name of names) {
      lines.push(`  o${other}>${mermaidLabel(name)}]`, `  ${ids.get(bodyId)} -. shared with .- o${other}`);
      other += 1;
    }
  }
  return lines.join('\n');
}

let viz: Promise<Viz> | undefined;
/** One Graphviz instance per process: creating it compiles the WebAssembly module. */
export async function renderSvg(dot: string): Promise<string> {
  viz ??= instance();
  return (await viz).renderString(dot, { format: 'svg', engine: 'dot' });
}
