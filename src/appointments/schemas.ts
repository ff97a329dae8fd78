// The answers of the appointment routes as TypeBox schemas; the web reads their `Static` types.
import { Type, type Static } from '@fastify/type-provider-typebox';
import { literals, Nullable } from '../platform/http/schemas';
import { bookingStatuses, channels, purposes } from './model';

export const PurposeSchema = literals(purposes);

export const SlotListSchema = Type.Object({
  servicePoint: Type.Object({ code: Type.String(), name: Type.String(), address: Type.String() }),
  procedureCode: Type.String(),
  purpose: PurposeSchema,
  serviceMinutes: Type.Integer(),
  commune: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
  slots: Type.Array(Type.Object({ startsAt: Type.String(), endsAt: Type.String(), capacity: Type.Integer(), free: Type.Integer() })),
});
export type SlotListResponse = Static<typeof SlotListSchema>;

export const CodeSentSchema = Type.Object({ maskedPhone: Type.String(), expiresAt: Type.String(), validMinutes: Type.Integer() });
export const PhoneVerificationSchema = Type.Object({ verification: Type.String(), phone: Type.String(), expiresAt: Type.String() });

const bookingFields = {
  code: Type.String(),
  status: literals(bookingStatuses),
  statusLabel: Type.String(),
  purpose: PurposeSchema,
  purposeLabel: Type.String(),
  servicePoint: Type.Object({ code: Type.String(), name: Type.String(), address: Type.String() }),
  seat: Type.String(),
  procedureCode: Type.String(),
  procedureName: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  name: Type.String(),
  maskedPhone: Type.String(),
  channel: literals(channels),
  address: Nullable(Type.String()),
  communeCode: Nullable(Type.String()),
  dossierCode: Nullable(Type.String()),
};
export const BookingSchema = Type.Object(bookingFields);
export type BookingResponse = Static<typeof BookingSchema>;

export const BookingWithLinkSchema = Type.Object({
  ...bookingFields,
  manageToken: Type.String(),
  papers: Type.Array(Type.Object({ name: Type.String(), originals: Type.Integer(), copies: Type.Integer(), requirement: Type.String(), inStore: Nullable(Type.Boolean()) })),
  /** how many of the papers the applicant's document store holds; names (inStore) only to the verified holder */
  store: Nullable(Type.Object({ held: Type.Integer(), of: Type.Integer() })),
});
export type BookingWithLinkResponse = Static<typeof BookingWithLinkSchema>;

export const SettingsSchema = Type.Object({
  servicePointCode: Type.String(),
  rules: Type.Object({
    minNoticeMinutes: Type.Integer({ minimum: 0, maximum: 10080 }),
    horizonDays: Type.Integer({ minimum: 1, maximum: 180 }),
    homeCouriers: Type.Integer({ minimum: 0, maximum: 50 }),
    homeTravelMinutes: Type.Integer({ minimum: 0, maximum: 240 }),
  }, { additionalProperties: false }),
  /** counter code → the procedures it serves (a counter left out serves every procedure) */
  counterProcedures: Type.Record(Type.String({ maxLength: 20 }), Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 500 })),
  exceptions: Type.Array(Type.Object({
    date: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }),
    periods: Type.Array(Type.String({ pattern: '^[0-9]{2}:[0-9]{2}-[0-9]{2}:[0-9]{2}$' }), { maxItems: 6 }),
    reason: Type.String({ minLength: 1, maxLength: 200 }),
  }, { additionalProperties: false }), { maxItems: 400 }),
}, { additionalProperties: false });
export type SettingsResponse = Static<typeof SettingsSchema>;

const Period = Type.String({ pattern: '^[0-9]{2}:[0-9]{2}-[0-9]{2}:[0-9]{2}$' });
const CounterHoursItem = Type.Object({
  counterCode: Type.String({ minLength: 1, maxLength: 20 }),
  /** ISO weekday '1' (Monday) … '7' (Sunday) → periods; a day left out is closed */
  weekly: Type.Record(Type.String({ maxLength: 1 }), Type.Array(Period, { maxItems: 6 })),
  exceptions: Type.Array(Type.Object({
    date: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }),
    periods: Type.Array(Period, { maxItems: 6 }),
    reason: Type.String({ minLength: 1, maxLength: 200 }),
  }, { additionalProperties: false }), { maxItems: 400 }),
}, { additionalProperties: false });

/** PUT …/counter-hours: the counters keeping their own hours (the others keep the point's). */
export const CounterHoursInputSchema = Type.Object({ items: Type.Array(CounterHoursItem, { maxItems: 100 }) }, { additionalProperties: false });
export const CounterHoursSchema = Type.Object({
  servicePointCode: Type.String(),
  pointWeekly: Type.Record(Type.String(), Type.Array(Type.String())),
  counters: Type.Array(Type.String()),
  items: Type.Array(CounterHoursItem),
});
export type CounterHoursResponse = Static<typeof CounterHoursSchema>;

export const DurationsSchema = Type.Object({
  items: Type.Array(Type.Object({
    procedureCode: Type.String({ minLength: 1, maxLength: 60 }),
    purpose: PurposeSchema,
    minutes: Type.Integer({ minimum: 5, maximum: 240 }),
  }, { additionalProperties: false }), { maxItems: 2000 }),
}, { additionalProperties: false });
export type DurationsResponse = Static<typeof DurationsSchema>;

/** The queue's figures of a period (queueFigures in queue-model.ts). */
export const QueueFiguresSchema = Type.Object({
  issued: Type.Integer(), called: Type.Integer(), served: Type.Integer(), noShow: Type.Integer(),
  averageWaitMinutes: Nullable(Type.Number()), calledWithin15Percent: Nullable(Type.Number()), averageServiceMinutes: Nullable(Type.Number()),
});

/** GET /api/v1/appointments/stats: the dashboard's queue panel (stats.ts). */
export const AppointmentStatsSchema = Type.Object({
  from: Type.String(), to: Type.String(),
  queue: QueueFiguresSchema,
  bookings: Type.Object({
    total: Type.Integer(), arrived: Type.Integer(), noShow: Type.Integer(), cancelled: Type.Integer(), booked: Type.Integer(),
    noShowPercent: Nullable(Type.Number()),
    byChannel: Type.Array(Type.Object({ channel: literals(channels), label: Type.String(), count: Type.Integer() })),
  }),
});
export type AppointmentStatsResponse = Static<typeof AppointmentStatsSchema>;

/** GET /api/v1/appointments/pickups/{dossierCode}: where and from when a result may be picked up (pickup.ts). */
export const PickupSchema = Type.Object({
  dossierCode: Type.String(),
  procedureCode: Type.String(),
  procedureName: Type.String(),
  servicePoint: Type.Object({ code: Type.String(), name: Type.String(), address: Type.String() }),
  ready: Type.Boolean(),
  fromDate: Type.String(),
});
export type PickupResponse = Static<typeof PickupSchema>;

export const CourierAreasSchema = Type.Object({
  servicePointCode: Type.String(),
  items: Type.Array(Type.Object({ courierId: Type.Integer(), fullName: Type.String(), communes: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })) })),
});
export type CourierAreasResponse = Static<typeof CourierAreasSchema>;

export const HomeCommunesSchema = Type.Object({
  items: Type.Array(Type.Object({ communeCode: Type.String(), communeName: Type.String(), servicePoint: Type.Object({ code: Type.String(), name: Type.String(), address: Type.String() }) })),
});
export type HomeCommunesResponse = Static<typeof HomeCommunesSchema>;
