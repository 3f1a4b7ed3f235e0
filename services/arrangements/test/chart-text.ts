/** The text of each box (a Graphviz node group) of an SVG chart, its wrapped lines joined by spaces, entities decoded. */
export function chartBoxTexts(svg: string): string[] {
  const decode = (text: string) =>
    text
      .replace(/&#(\d+);/g, (_match, code: string) => String.fromCodePoint(Number(code)))
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  return [...svg.matchAll(/<g id="node\d+" class="node">([\s\S]*?)<\/g>/g)].map((group) =>
    [...group[1]!.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((text) => decode(text[1]!)).join(' '),
  );
}
