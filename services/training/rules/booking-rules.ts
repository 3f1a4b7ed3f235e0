/**
 * What a booking or an attendance record must satisfy, apart from capacity (the database enforces
 * that atomically). Each evaluator returns the problems found, as messages saying what to do.
 */
export const BOOKING_RULES = {
  minimumPlaces: 1,
  /** One agency's booking on one session; larger groups are arranged with the business unit. */
  maximumPlacesPerAgency: 50,
} as const;

export interface BookingRequest {
  /** Places already held by this agency on the session (0 for a first booking). */
  placesAlreadyHeld: number;
  places: number;
  sessionHeldOn: string;
  today: string;
}

export function bookingProblems(request: BookingRequest): string[] {
  const problems: string[] = [];
  const { minimumPlaces, maximumPlacesPerAgency } = BOOKING_RULES;
  if (!Number.isInteger(request.places) || request.places < minimumPlaces || request.places > maximumPlacesPerAgency) {
    problems.push(`places must be between ${minimumPlaces} and ${maximumPlacesPerAgency}, got ${request.places}`);
  } else if (request.placesAlreadyHeld + request.places > maximumPlacesPerAgency) {
    problems.push(
      `the agency already holds ${request.placesAlreadyHeld} places on this session; at most ${maximumPlacesPerAgency} per agency, so book at most ${maximumPlacesPerAgency - request.placesAlreadyHeld} more`,
    );
  }
  if (request.sessionHeldOn < request.today) {
    problems.push(`the session took place on ${request.sessionHeldOn}; choose a session on or after ${request.today}`);
  }
  return problems;
}

export interface AttendanceRecord {
  attendedPlaces: number;
  bookedPlaces: number;
  sessionHeldOn: string;
  today: string;
}

export function attendanceProblems(record: AttendanceRecord): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(record.attendedPlaces) || record.attendedPlaces < 0 || record.attendedPlaces > record.bookedPlaces) {
    problems.push(`attendedPlaces must be between 0 and the ${record.bookedPlaces} places booked, got ${record.attendedPlaces}`);
  }
  if (record.sessionHeldOn > record.today) {
    problems.push(`the session is on ${record.sessionHeldOn}; record attendance on or after that day`);
  }
  return problems;
}
