import { isLoaded } from '@safeguarding/subgraph-runtime';
import type { PartnershipEntity } from '../entities';
import type { ChartFormat } from '../generated/graphql';
import type { ArrangementsLoaders } from '../loaders';
import { renderSvg, structureChartDot, structureChartMermaid } from '../rules/structure-chart';
import { bodiesInForce } from './bodies';
import { reportsToOn } from './body-records';

/** Draws a partnership's structure on a date from its loaded bodies, their links and shared partnerships. */
export async function drawStructureChart(partnership: PartnershipEntity, asOf: string, format: ChartFormat, loaders: ArrangementsLoaders) {
  const bodies = (await bodiesInForce(partnership.id, asOf, loaders)).sort((a, b) => a.name.localeCompare(b.name));
  const relationships = (await Promise.all(bodies.map((body) => loaders.relationships.load(body.id))))
    .flat()
    .filter((link) => link.bodyId < link.relatedBodyId);
  const links = await Promise.all(bodies.map(async (body) => [body.id, await loaders.bodyPartnerships.load(body.id)] as const));
  const otherIds = [
    ...new Set(links.flatMap(([, partnershipLinks]) => partnershipLinks.map((link) => link.partnershipId)).filter((id) => id !== partnership.id)),
  ];
  const others = new Map((await loaders.partnership.loadMany(otherIds)).flatMap((p) => (isLoaded(p) ? [[p.id, p.name] as const] : [])));
  const sharedWith = new Map(
    links
      .map(
        ([bodyId, partnershipLinks]) =>
          [
            bodyId,
            partnershipLinks.filter((link) => link.partnershipId !== partnership.id).map((link) => others.get(link.partnershipId) ?? link.partnershipId),
          ] as const,
      )
      .filter(([, names]) => names.length > 0),
  );
  const chartBodies = await Promise.all(
    bodies.map(async (body) => ({ id: body.id, name: body.name, kind: body.kind, reportsToBodyId: await reportsToOn(body, asOf, loaders) })),
  );
  // A line to a body outside the chart (another partnership's) is drawn to a box naming it.
  const drawn = new Set(bodies.map((body) => body.id));
  const outsideIds = [...new Set(chartBodies.flatMap((body) => (body.reportsToBodyId && !drawn.has(body.reportsToBodyId) ? [body.reportsToBodyId] : [])))];
  const outsideBodies = new Map((await loaders.body.loadMany(outsideIds)).flatMap((body) => (isLoaded(body) ? [[body.id, body.name] as const] : [])));
  const input = { partnershipName: partnership.name, outsideBodies, bodies: chartBodies, relationships, sharedWith };
  const dot = structureChartDot(input);
  const content = format === 'DOT' ? dot : format === 'MERMAID' ? structureChartMermaid(input) : await renderSvg(dot);
  return { format, asOf, content, bodyNames: bodies.map((body) => body.name) };
}
