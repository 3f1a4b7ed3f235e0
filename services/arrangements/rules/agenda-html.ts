import escapeHtml from 'escape-html';
import type { AgendaItemEntity, MeetingEntity } from '../entities';

/**
 * The agenda as a page a person reads and prints. Every value is escaped: titles and papers come
 * from users, and the page is served as HTML.
 */
export interface AgendaDocumentInput {
  title: string;
  meeting: MeetingEntity;
  bodyName: string;
  status: string;
  items: (Pick<AgendaItemEntity, 'position' | 'section' | 'title' | 'presenterPost' | 'paperTitle' | 'minutesAllotted' | 'decisionSought'> & {
    ownerPartnershipName: string | null;
    paperLate: boolean;
  })[];
}

const SECTION_NAMES = { JOINT: 'Joint business', CHILDREN: 'Children', ADULTS: 'Adults' } as const;

export function renderAgendaHtml(input: AgendaDocumentInput): string {
  const e = (value: string | number | null | undefined) => escapeHtml(value == null ? '' : String(value));
  const where = input.meeting.isVirtual ? 'Virtual meeting' : (input.meeting.location ?? 'Venue to be confirmed');
  let clock = 0;
  const rows = input.items
    .map((item) => {
      const starts = clock;
      clock += item.minutesAllotted;
      return `<tr data-section="${e(item.section)}">
  <td class="number">${e(item.position)}</td>
  <td><strong>${e(item.title)}</strong>${item.decisionSought ? `<div class="decision">Decision sought: ${e(item.decisionSought)}</div>` : ''}</td>
  <td>${e(SECTION_NAMES[item.section])}</td>
  <td>${e(item.ownerPartnershipName)}</td>
  <td>${e(item.presenterPost)}</td>
  <td>${item.paperTitle ? `${e(item.paperTitle)}${item.paperLate ? ' <span class="late">(late paper)</span>' : ''}` : ''}</td>
  <td class="minutes">+${starts} min, ${e(item.minutesAllotted)} min</td>
</tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>${e(input.title)}</title>
<style>
  body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2rem; color: #111; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid #999; padding: .4rem; vertical-align: top; text-align: left; }
  .late { color: #b00; } .decision { font-style: italic; } .minutes, .number { white-space: nowrap; }
  @media print { body { margin: 1cm; } }
</style>
</head>
<body>
<h1>${e(input.bodyName)}</h1>
<p class="meeting">${e(input.meeting.meetingDate)}${input.meeting.startTime ? `, ${e(input.meeting.startTime)}` : ''}; ${e(where)}</p>
<p class="status">${e(input.status)}</p>
<table>
<thead><tr><th>#</th><th>Item</th><th>Section</th><th>Partnership</th><th>Presenter</th><th>Paper</th><th>Time</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p class="total">Total time: ${clock} minutes</p>
</body>
</html>
`;
}
