// The enumerations of bookings and sites as the database's check constraints list them. Plain
// constants, apart from the schemas that use them, so a page that needs a list loads no schema.

export const bookingStatuses = ['confirmed', 'checked_in', 'served', 'no_show', 'cancelled'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

export const applicationKinds = ['first_issue', 'conversion', 'change', 'reissue'] as const;
export type ApplicationKind = (typeof applicationKinds)[number];

/** The kinds of intake site (public.intake_sites.kind). */
export const siteKinds = ['police_station', 'commune_hall', 'school', 'enterprise', 'other'] as const;
