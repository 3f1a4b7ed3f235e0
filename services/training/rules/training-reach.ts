import { DELIVERY_METHODS, type DeliveryMethod, type OrganisationSector } from './vocabulary';
import { roundTo } from './rounding';

/**
 * Reach of a programme over a period, from its sessions and their bookings. Attendance is counted
 * per agency (a number of practitioners), never per named person. By-sector figures use the sector
 * stored on each booking when it was made.
 */
export interface ReachSession {
  id: string;
  heldOn: string;
  deliveryMethod: DeliveryMethod;
  capacity: number;
  bookedPlaces: number;
}

export interface ReachBooking {
  sessionId: string;
  organisationId: string;
  organisationSector: OrganisationSector;
  places: number;
  attendedPlaces: number | null;
  bookedOn: string;
}

export interface AgencyReachFigures {
  organisationId: string;
  sector: OrganisationSector;
  placesBooked: number;
  attendances: number;
  sessionsAttended: number;
}

export interface SectorReachFigures {
  sector: OrganisationSector;
  agencies: number;
  placesBooked: number;
  attendances: number;
}

export interface DeliveryMethodShareFigures {
  deliveryMethod: DeliveryMethod;
  sessions: number;
  share: number;
  attendances: number;
}

export interface TrainingReachFigures {
  from: string;
  to: string;
  sessions: number;
  capacity: number;
  placesBooked: number;
  attendances: number;
  fillRate: number | null;
  byAgency: AgencyReachFigures[];
  bySector: SectorReachFigures[];
  deliveryMethodMix: DeliveryMethodShareFigures[];
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const attended = (booking: ReachBooking) => booking.attendedPlaces ?? 0;

export function summariseTrainingReach(from: string, to: string, allSessions: ReachSession[], allBookings: ReachBooking[]): TrainingReachFigures {
  const sessions = allSessions.filter((session) => session.heldOn >= from && session.heldOn <= to);
  const sessionIds = new Set(sessions.map((session) => session.id));
  const bookings = allBookings.filter((booking) => sessionIds.has(booking.sessionId));
  const capacity = sum(sessions.map((session) => session.capacity));
  const placesBooked = sum(sessions.map((session) => session.bookedPlaces));

  const agencies = new Map<string, AgencyReachFigures & { latestBookedOn: string }>();
  for (const booking of bookings) {
    const agency = agencies.get(booking.organisationId) ?? {
      organisationId: booking.organisationId,
      sector: booking.organisationSector,
      placesBooked: 0,
      attendances: 0,
      sessionsAttended: 0,
      latestBookedOn: booking.bookedOn,
    };
    agency.placesBooked += booking.places;
    agency.attendances += attended(booking);
    if (attended(booking) > 0) agency.sessionsAttended += 1;
    // An agency re-classified between bookings is reported under its latest sector.
    if (booking.bookedOn >= agency.latestBookedOn) {
      agency.sector = booking.organisationSector;
      agency.latestBookedOn = booking.bookedOn;
    }
    agencies.set(booking.organisationId, agency);
  }
  const byAgency = [...agencies.values()]
    .map(({ latestBookedOn: _latest, ...figures }) => figures)
    .sort((a, b) => b.attendances - a.attendances || b.placesBooked - a.placesBooked || a.organisationId.localeCompare(b.organisationId));

  const sectors = new Map<OrganisationSector, { agencies: Set<string>; placesBooked: number; attendances: number }>();
  for (const booking of bookings) {
    const sector = sectors.get(booking.organisationSector) ?? { agencies: new Set<string>(), placesBooked: 0, attendances: 0 };
    sector.agencies.add(booking.organisationId);
    sector.placesBooked += booking.places;
    sector.attendances += attended(booking);
    sectors.set(booking.organisationSector, sector);
  }
  const bySector = [...sectors.entries()]
    .map(([sector, figures]) => ({ sector, agencies: figures.agencies.size, placesBooked: figures.placesBooked, attendances: figures.attendances }))
    .sort((a, b) => b.attendances - a.attendances || b.placesBooked - a.placesBooked || a.sector.localeCompare(b.sector));

  const attendancesBySession = new Map<string, number>();
  for (const booking of bookings) attendancesBySession.set(booking.sessionId, (attendancesBySession.get(booking.sessionId) ?? 0) + attended(booking));
  const deliveryMethodMix = DELIVERY_METHODS.map((deliveryMethod) => {
    const ofMethod = sessions.filter((session) => session.deliveryMethod === deliveryMethod);
    return {
      deliveryMethod,
      sessions: ofMethod.length,
      share: sessions.length === 0 ? 0 : roundTo(ofMethod.length / sessions.length, 4),
      attendances: sum(ofMethod.map((session) => attendancesBySession.get(session.id) ?? 0)),
    };
  })
    .filter((method) => method.sessions > 0)
    .sort((a, b) => b.sessions - a.sessions || DELIVERY_METHODS.indexOf(a.deliveryMethod) - DELIVERY_METHODS.indexOf(b.deliveryMethod));

  return {
    from,
    to,
    sessions: sessions.length,
    capacity,
    placesBooked,
    attendances: sum(bookings.map(attended)),
    fillRate: capacity === 0 ? null : roundTo(placesBooked / capacity, 4),
    byAgency,
    bySector,
    deliveryMethodMix,
  };
}
