import express from 'express';
import ical, { ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { ANONYMOUS_CALLER, type Caller } from '@safeguarding/auth';
import type { DownloadsOptions } from './downloads';
import { BODY_ID, type GatewayApollo, runOperation, SLUG } from './exports';
import { problem, refuseTokenInQuery, signedInPerson, withProblems } from './problem';
import type { SharedState } from './redis';
import { signingKey, signUrlToken, verifyUrlToken } from './signed-urls';

/**
 * iCalendar (RFC 5545) feeds of meetings and their paperwork deadlines, per body and per
 * partnership, for Outlook, Google Calendar and the like to subscribe to.
 *
 * Public feeds (/calendars/bodies/<id>.ics, /calendars/partnerships/<slug>.ics) show what the
 * public reads: every meeting, and agendas once published. A signed-in caller can make a private
 * feed URL (POST /calendars/feeds) that shows what they read (draft agendas of their own
 * partnership's bodies): calendar programs send no Authorization header, so the URL itself
 * carries the caller's permissions (signed-urls.ts), until it expires or its maker revokes it
 * (DELETE on the same URL). Revocations are kept in Redis when REDIS_URL is set, so every gateway
 * refuses a revoked feed; without Redis, in this gateway's memory (see FeedRevocations).
 */
export interface CalendarSettings {
  /** How long a private feed URL works (default 180 days); calendar programs refresh it until then. */
  feedLifetimeSeconds?: number;
}

export const DEFAULT_FEED_LIFETIME_SECONDS = 180 * 24 * 60 * 60;
/** Meetings from this long ago are kept in a feed (a year of history); later ones all. */
const HISTORY_DAYS = 365;
/** Meetings have a start time but no recorded end; shown as this long, and the description says so. */
const SHOWN_DURATION_MINUTES = 120;

const MEETING_FIELDS = `id version date startTime location virtual status
  paperwork { papersDueOn draftActionNotesDueOn statedForThisBody }
  agenda { status items { title } }`;
const BODY_CALENDAR = `query BodyCalendar($id: ID!, $from: Date) {
  body(id: $id) { id name partnerships { name } meetings(from: $from) { ${MEETING_FIELDS} } }
}`;
const PARTNERSHIP_CALENDAR = `query PartnershipCalendar($slug: String!, $from: Date) {
  partnership(slug: $slug) { name bodies { id name partnerships { name } meetings(from: $from) { ${MEETING_FIELDS} } } }
}`;

interface CalendarMeeting {
  id: string;
  /** Raised by every change to the meeting: the events' SEQUENCE, so calendar programs take the change. */
  version: number;
  date: string;
  startTime: string | null;
  location: string | null;
  virtual: boolean;
  status: 'SCHEDULED' | 'HELD' | 'CANCELLED';
  paperwork: { papersDueOn: string; draftActionNotesDueOn: string; statedForThisBody: boolean };
  agenda: { status: string; items: { title: string }[] } | null;
}
interface CalendarBody {
  id: string;
  name: string;
  partnerships: { name: string }[];
  meetings: CalendarMeeting[];
}

type CalendarScope = { kind: 'body'; id: string } | { kind: 'partnership'; slug: string };

/**
 * Where revoked private feeds are remembered until they would have expired anyway. In Redis
 * (REDIS_URL), shared by every gateway; if Redis cannot be reached, private feeds are refused
 * (503) rather than risk serving a revoked one. Without REDIS_URL, in this process: right for one
 * gateway, but forgotten when it restarts, so a deployment with several gateways, or one where a
 * revocation must outlive a restart, sets REDIS_URL.
 */
export interface FeedRevocations {
  revoke(id: string, until: Date): Promise<void>;
  isRevoked(id: string): Promise<boolean>;
}

export function feedRevocations(shared: SharedState | undefined): FeedRevocations {
  if (!shared) {
    const revoked = new Map<string, number>();
    return {
      async revoke(id, until) {
        const now = Date.now();
        for (const [key, expires] of revoked) if (expires < now) revoked.delete(key);
        revoked.set(id, until.getTime());
      },
      async isRevoked(id) {
        return (revoked.get(id) ?? 0) >= Date.now();
      },
    };
  }
  const key = (id: string) => `${shared.keyPrefix}calendar-feed-revoked:${id}`;
  const unavailable = (error: unknown) => {
    shared.reportFailure('private calendar feeds refused (revocations cannot be checked)', error);
    return problem(
      503,
      'REVOCATIONS_UNAVAILABLE',
      'Private feeds are unavailable just now',
      'Whether this feed has been revoked cannot be checked just now; try again shortly.',
    );
  };
  return {
    async revoke(id, until) {
      try {
        await shared.client.set(key(id), '1', 'PXAT', Math.max(until.getTime(), Date.now() + 1000));
      } catch (error) {
        throw unavailable(error);
      }
    },
    async isRevoked(id) {
      try {
        return (await shared.client.exists(key(id))) === 1;
      } catch (error) {
        throw unavailable(error);
      }
    },
  };
}

/** A London wall-clock time as an instant (meetings are held in England; calendars show local time). */
export function londonTime(date: string, time: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const asIfUtc = Date.UTC(year, month - 1, day, hour, minute);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    })
      .formatToParts(new Date(asIfUtc))
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  const offset = Date.UTC(parts.year!, parts.month! - 1, parts.day, parts.hour, parts.minute) - asIfUtc;
  return new Date(asIfUtc - offset);
}

const allDay = (date: string) => new Date(`${date}T00:00:00Z`);

export function calendarText(name: string, bodies: CalendarBody[], uidDomain = 'safeguarding-partnerships'): string {
  const calendar = ical({ name, prodId: { company: 'safeguarding-partnerships', product: 'calendars', language: 'EN' }, ttl: 60 * 60 });
  for (const body of bodies) {
    const partnerships = body.partnerships.map((p) => p.name).join(' and ');
    for (const meeting of body.meetings) {
      const cancelled = meeting.status === 'CANCELLED';
      const clock = meeting.paperwork.statedForThisBody ? '' : ' (the partnership’s usual paperwork clock; none is stated for this body)';
      const agenda = meeting.agenda?.items.length
        ? `\n\nAgenda${meeting.agenda.status === 'PUBLISHED' ? '' : ' (draft, not published)'}:\n${meeting.agenda.items.map((item, index) => `${index + 1}. ${item.title}`).join('\n')}`
        : '';
      const description =
        [
          `${body.name} (${partnerships}).`,
          `Papers due ${meeting.paperwork.papersDueOn}; draft action notes due ${meeting.paperwork.draftActionNotesDueOn}${clock}.`,
          meeting.startTime ? `The end time is not recorded; shown as ${SHOWN_DURATION_MINUTES / 60} hours.` : 'The start time is not recorded.',
        ].join('\n') + agenda;
      const start = meeting.startTime ? londonTime(meeting.date, meeting.startTime) : allDay(meeting.date);
      calendar.createEvent({
        id: `meeting.${meeting.id}@${uidDomain}`,
        sequence: meeting.version,
        summary: `${body.name}${cancelled ? ' (cancelled)' : ''}`,
        start,
        end: meeting.startTime ? new Date(start.getTime() + SHOWN_DURATION_MINUTES * 60_000) : undefined,
        allDay: !meeting.startTime,
        location: meeting.location ?? (meeting.virtual ? 'Online' : undefined),
        description,
        status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      });
      if (cancelled) continue;
      // Deadlines are all-day and do not block time in the subscriber's diary.
      for (const [kind, date, label] of [
        ['papers-due', meeting.paperwork.papersDueOn, 'Papers due'],
        ['notes-due', meeting.paperwork.draftActionNotesDueOn, 'Draft action notes due'],
      ] as const) {
        calendar.createEvent({
          id: `${kind}.${meeting.id}@${uidDomain}`,
          sequence: meeting.version,
          summary: `${label}: ${body.name} (meeting ${meeting.date})`,
          start: allDay(date),
          allDay: true,
          transparency: ICalEventTransparency.TRANSPARENT,
          description: `${label} for the ${body.name} meeting on ${meeting.date}${clock}.`,
        });
      }
    }
  }
  return calendar.toString();
}

const historyStart = () => new Date(Date.now() - HISTORY_DAYS * 86_400_000).toISOString().slice(0, 10);

async function calendarFor(apollo: GatewayApollo, caller: Caller, scope: CalendarScope, requestId?: string): Promise<string> {
  if (scope.kind === 'body') {
    const { body } = await runOperation<{ body: CalendarBody | null }>(apollo, caller, BODY_CALENDAR, { id: scope.id, from: historyStart() }, requestId);
    if (!body) throw problem(404, 'BODY_NOT_FOUND', 'No such body', `No body has the id "${scope.id}".`, 'body');
    return calendarText(`${body.name}: meetings and paperwork deadlines`, [body]);
  }
  const { partnership } = await runOperation<{ partnership: { name: string; bodies: CalendarBody[] } | null }>(
    apollo,
    caller,
    PARTNERSHIP_CALENDAR,
    { slug: scope.slug, from: historyStart() },
    requestId,
  );
  if (!partnership) throw problem(404, 'PARTNERSHIP_NOT_FOUND', 'No such partnership', `No partnership has the slug "${scope.slug}".`, 'partnership');
  return calendarText(`${partnership.name}: meetings and paperwork deadlines`, partnership.bodies);
}

function scopeFrom(kind: string, name: string, parameter: string): CalendarScope {
  if (kind === 'body' && BODY_ID.test(name) && name.length <= 200) return { kind, id: name };
  if (kind === 'partnership' && SLUG.test(name) && name.length <= 100) return { kind, slug: name };
  throw problem(
    400,
    'PARAMETER_INVALID',
    'Not a calendar',
    `"${name.slice(0, 40)}" is not a ${kind === 'body' ? "body's id" : "partnership's slug"}.`,
    parameter,
  );
}

function sendCalendar(response: express.Response, text: string, cacheControl: string): void {
  response.status(200).type('text/calendar; charset=utf-8').set('cache-control', cacheControl).send(text);
}

const ICS = /^(.+)\.ics$/;
function icsName(file: string, parameter: string): string {
  const match = ICS.exec(file);
  if (!match) throw problem(404, 'CALENDAR_NOT_FOUND', 'No such calendar', 'Calendar addresses end in .ics.', parameter);
  return match[1]!;
}

export function calendarsRouter(options: Omit<DownloadsOptions, 'settings'> & { settings?: CalendarSettings }): express.Router {
  const { apollo, callerFor } = options;
  const feedKey = signingKey(options.gatewaySecret, 'calendar-feed');
  const lifetime = options.settings?.feedLifetimeSeconds ?? DEFAULT_FEED_LIFETIME_SECONDS;
  const revocations = feedRevocations(options.shared);
  const router = express.Router();
  const refuseQueryToken = (request: express.Request) =>
    refuseTokenInQuery(
      new URLSearchParams(request.originalUrl.split('?')[1] ?? ''),
      'For a calendar that shows what you may read, make a private feed URL (POST /calendars/feeds).',
    );

  // Public feeds: what the public reads, whoever asks (calendar programs send no credentials).
  for (const kind of ['body', 'partnership'] as const) {
    router.get(
      `/calendars/${kind === 'body' ? 'bodies' : 'partnerships'}/:file`,
      withProblems(async (request, response) => {
        refuseQueryToken(request);
        const scope = scopeFrom(kind, icsName(request.params.file as string, kind), kind);
        sendCalendar(response, await calendarFor(apollo, ANONYMOUS_CALLER, scope, response.locals.requestId as string | undefined), 'public, max-age=300');
      }),
    );
  }

  router.post(
    '/calendars/feeds',
    express.json({ limit: '4kb' }),
    withProblems(async (request, response) => {
      const caller = signedInPerson(callerFor, response, 'make a private calendar feed (public calendars need none)');
      const requested = (request.body ?? {}) as { body?: unknown; partnership?: unknown };
      const [kind, name] =
        typeof requested.body === 'string' ? ['body', requested.body] : typeof requested.partnership === 'string' ? ['partnership', requested.partnership] : [];
      if (!kind || !name)
        throw problem(400, 'PARAMETER_MISSING', 'Say which calendar', 'Send JSON {"body": "<body id>"} or {"partnership": "<slug>"}.', 'body');
      const scope = scopeFrom(kind, name, kind);
      // Made only for a calendar that exists and the caller can read now.
      await calendarFor(apollo, caller, scope, response.locals.requestId as string | undefined);
      const { token, claims } = await signUrlToken(feedKey, 'calendar-feed', caller, kind, { [kind]: name }, lifetime);
      response.status(201).json({ url: `/calendars/feeds/${token}.ics`, id: claims.id, expiresAt: claims.expiresAt.toISOString() });
    }),
  );

  router.get(
    '/calendars/feeds/:file',
    withProblems(async (request, response) => {
      refuseQueryToken(request);
      const claims = await verifyUrlToken(feedKey, 'calendar-feed', icsName(request.params.file as string, 'feed'), 'feed');
      if (await revocations.isRevoked(claims.id))
        throw problem(
          410,
          'FEED_REVOKED',
          'This calendar feed was revoked',
          'Its maker revoked this calendar feed; ask them for a new one, or make your own (POST /calendars/feeds).',
          'feed',
        );
      const scope = scopeFrom(claims.target, claims.parameters[claims.target] ?? '', 'feed');
      sendCalendar(response, await calendarFor(apollo, claims.caller, scope, response.locals.requestId as string | undefined), 'private, no-store');
    }),
  );

  // Revoke: the maker deletes the URL they were given, signed in as themselves.
  router.delete(
    '/calendars/feeds/:file',
    withProblems(async (request, response) => {
      const caller = signedInPerson(callerFor, response, 'revoke a calendar feed');
      const claims = await verifyUrlToken(feedKey, 'calendar-feed', icsName(request.params.file as string, 'feed'), 'feed', true);
      if (claims.caller.subject !== caller.subject)
        throw problem(403, 'FORBIDDEN', 'Not your feed', 'Only the person who made a calendar feed may revoke it.', 'feed');
      await revocations.revoke(claims.id, claims.expiresAt);
      response.status(204).end();
    }),
  );
  return router;
}
