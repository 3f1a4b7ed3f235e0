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
  /** Names of bodies outside the chart that a drawn body reports to (another partnership's). */
  outsideBodies?: Map<string, string>;
}

/** A DOT quoted string: backslashes (Graphviz's \\N, \\n, \\l escapes) and quotes escaped, so a name cannot end the string or add attributes. */
const quote = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
/** Fill colours by kind; the legend names each colour a chart uses. */
const KIND_COLOURS: Record<string, { fill: string; legend: string }> = {
  LEAD_PARTNERS_FORUM: { fill: '#fde68a', legend: 'Lead Safeguarding Partners forum' },
  EXECUTIVE: { fill: '#bfdbfe', legend: 'Executive' },
  PARTNERSHIP_BOARD: { fill: '#c7d2fe', legend: 'Board or partnership' },
  WIDER_PARTNERSHIP: { fill: '#c7d2fe', legend: 'Board or partnership' },
};
const OTHER_FILL = '#f1f5f9';
/** One family for every text of the chart (Graphviz draws edge labels in Times unless told). */
const FONT = 'DejaVu Sans';
/** Names are wrapped to lines of about this many characters, so a box is about as tall as wide. */
const LABEL_LINE_CHARACTERS = 22;

/** Words packed into lines of at most `width` characters (a longer word keeps its own line). */
export function wrapWords(text: string, width = LABEL_LINE_CHARACTERS): string[] {
  const lines: string[] = [];
  for (const word of text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean)) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + 1 + word.length <= width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
}
/**
 * A label drawn as written, wrapped: each line with "&" as "&amp;" (Graphviz reads entities in
 * labels, so a name holding "&lt;" would be drawn as "<"), backslashes and quotes escaped (so a
 * name cannot end the string or add attributes), joined by Graphviz's centred line break.
 */
const wrappedLabel = (text: string) =>
  `"${wrapWords(text)
    .map((line) => line.replace(/&/g, '&amp;').replace(/\\/g, '\\\\').replace(/"/g, '\\"'))
    .join('\\n')}"`;

/**
 * How many boxes sit side by side before the next row starts: about the square root of the count,
 * so 20 bodies under one parent (or with no line at all) make rows of 5, within a 3:1 page.
 */
export const rowWidthFor = (count: number) => Math.max(3, Math.ceil(Math.sqrt(count)));

/** Invisible edges that stack `ids` in rows of `width` (each one above the one `width` later). */
function rows(ids: string[], width: number): string[] {
  const lines: string[] = [];
  for (let index = 0; index + width < ids.length; index += 1) lines.push(`  ${quote(ids[index]!)} -> ${quote(ids[index + width]!)} [style=invis];`);
  return lines;
}

/**
 * The chart as DOT: a top-down hierarchy by reporting lines (a parent above its children, wide
 * families wrapped into rows), bodies with no stated line to any other grouped under a labelled
 * heading below, and a legend for the colours and line kinds used. A reporting line to a body
 * outside the chart (another partnership's) is drawn to a box for that body, not dropped.
 */
export function structureChartDot(input: ChartInput): string {
  const drawn = new Set(input.bodies.map((body) => body.id));
  const outside = input.outsideBodies ?? new Map<string, string>();
  const lines = [
    `digraph structure {`,
    `  graph [rankdir=TB, newrank=true, label=${quote(`${input.partnershipName}: structure`)}, labelloc=t, fontname=${quote(FONT)}, fontsize=14, nodesep=0.25, ranksep=0.45, splines=ortho];`,
    `  node [shape=box, style="rounded,filled", fillcolor=${quote(OTHER_FILL)}, fontname=${quote(FONT)}, fontsize=11, margin="0.12,0.06"];`,
    `  edge [fontname=${quote(FONT)}, fontsize=9, color="#334155"];`,
  ];
  const children = new Map<string, string[]>();
  const linked = new Set<string>();
  for (const body of input.bodies) {
    const parent = body.reportsToBodyId;
    if (!parent || (!drawn.has(parent) && !outside.has(parent))) continue;
    children.set(parent, [...(children.get(parent) ?? []), body.id]);
    linked.add(parent).add(body.id);
  }
  for (const link of input.relationships) if (drawn.has(link.bodyId) && drawn.has(link.relatedBodyId)) linked.add(link.bodyId).add(link.relatedBodyId);
  for (const bodyId of input.sharedWith.keys()) if (drawn.has(bodyId)) linked.add(bodyId);

  const kindsUsed = new Set<string>();
  const box = (body: ChartBody) => {
    const colour = KIND_COLOURS[body.kind];
    if (colour) kindsUsed.add(colour.legend);
    return `  ${quote(body.id)} [label=${wrappedLabel(body.name)}${colour ? `, fillcolor=${quote(colour.fill)}` : ''}];`;
  };
  const unlinked = input.bodies.filter((body) => !linked.has(body.id));
  for (const body of input.bodies) if (linked.has(body.id)) lines.push(box(body));
  for (const [id, name] of outside)
    if (children.has(id))
      lines.push(`  ${quote(id)} [label=${wrappedLabel(`${name} (outside this partnership)`)}, style="rounded,dashed", fillcolor="#ffffff"];`);
  for (const [parent, ids] of children) {
    for (const id of ids) lines.push(`  ${quote(parent)} -> ${quote(id)} [dir=back];`);
    lines.push(...rows(ids, rowWidthFor(ids.length)));
  }
  for (const link of input.relationships) {
    if (drawn.has(link.bodyId) && drawn.has(link.relatedBodyId))
      lines.push(`  ${quote(link.bodyId)} -> ${quote(link.relatedBodyId)} [style=dashed, dir=none, constraint=false];`);
  }
  for (const [bodyId, others] of input.sharedWith) {
    for (const other of others) {
      const node = `other:${other}`;
      lines.push(`  ${quote(node)} [label=${wrappedLabel(other)}, shape=note, style=filled, fillcolor="#ffffff"];`);
      lines.push(`  ${quote(bodyId)} -> ${quote(node)} [style=dotted, dir=none, xlabel=" shared with"];`);
    }
  }
  // Below the hierarchy: the bodies with no stated line, under their heading, then the legend.
  let above = deepestOf(
    input.bodies.filter((body) => linked.has(body.id)),
    children,
  );
  if (unlinked.length > 0) {
    lines.push(`  subgraph cluster_unlinked {`, `    label=${quote('No reporting line stated')}; style="rounded,dashed"; color="#94a3b8"; fontsize=11;`);
    for (const body of unlinked) lines.push(`  ${box(body)}`);
    const ids = unlinked.map((body) => body.id);
    const width = rowWidthFor(ids.length);
    // Each row on one level, so the group reads as a block rather than a scatter.
    for (let start = 0; start < ids.length; start += width)
      lines.push(
        `    { rank=same; ${ids
          .slice(start, start + width)
          .map(quote)
          .join('; ')}; }`,
      );
    lines.push(`  }`);
    lines.push(...rows(ids, width));
    if (above) lines.push(`  ${quote(above)} -> ${quote(ids[0]!)} [style=invis];`);
    above = ids[Math.floor((ids.length - 1) / width) * width];
  }
  lines.push(`  legend [shape=plain, style="", label=<${legendTable(kindsUsed, input)}>];`);
  if (above) lines.push(`  ${quote(above)} -> legend [style=invis];`);
  lines.push('}');
  return lines.join('\n');
}

/** A body on the deepest row of the hierarchy (counting wrapped rows), for what goes below it. */
function deepestOf(bodies: ChartBody[], children: Map<string, string[]>): string | undefined {
  const childIds = new Set([...children.values()].flat());
  let deepest: { id: string; depth: number } | undefined;
  const visit = (id: string, depth: number, seen: Set<string>) => {
    if (seen.has(id)) return;
    seen.add(id);
    if (!deepest || depth > deepest.depth) deepest = { id, depth };
    const ids = children.get(id) ?? [];
    const width = rowWidthFor(ids.length);
    ids.forEach((child, index) => visit(child, depth + 1 + Math.floor(index / width), seen));
  };
  for (const body of bodies) if (!childIds.has(body.id)) visit(body.id, 0, new Set());
  return deepest?.id;
}

/** The legend as a Graphviz HTML-like table: the fills used, then the line kinds. Fixed text, so nothing needs escaping but the kinds' own names. */
function legendTable(kindsUsed: Set<string>, input: ChartInput): string {
  const cell = (text: string) => `<td align="left"><font face="${FONT}" point-size="9">${text.replace(/&/g, '&amp;')}</font></td>`;
  const rowsOf = [...new Set(Object.values(KIND_COLOURS).map((colour) => colour.legend))]
    .filter((legend) => kindsUsed.has(legend))
    .map((legend) => {
      const fill = Object.values(KIND_COLOURS).find((colour) => colour.legend === legend)!.fill;
      return `<tr><td bgcolor="${fill}" width="18"> </td>${cell(legend)}</tr>`;
    });
  rowsOf.push(`<tr><td bgcolor="${OTHER_FILL}" width="18"> </td>${cell('Other group')}</tr>`);
  rowsOf.push(`<tr><td>→</td>${cell('reports to (arrow points to the body reported to)')}</tr>`);
  if (input.relationships.length > 0) rowsOf.push(`<tr><td>- -</td>${cell('close relationship')}</tr>`);
  if (input.sharedWith.size > 0) rowsOf.push(`<tr><td>···</td>${cell('shared with another partnership')}</tr>`);
  return `<table border="0" cellborder="0" cellspacing="2" cellpadding="2"><tr><td colspan="2" align="left"><font face="${FONT}" point-size="10"><b>Legend</b></font></td></tr>${rowsOf.join('')}</table>`;
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
