// Schemas every capability's routes share.
import { Type, type TSchema } from '@fastify/type-provider-typebox';

/** The one error shape of every 4xx/5xx answer. */
export const ErrorShape = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Array(Type.Object({ path: Type.Optional(Type.String()), message: Type.String(), code: Type.Optional(Type.String()) }))),
  }),
});

/** One of the given strings (an `enum` schema, typed as their union). */
export const literals = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] });

/** A value or null. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** File bytes (a Buffer or a stream on the server). */
const Binary = Type.Unsafe<Uint8Array | NodeJS.ReadableStream>({ type: 'string', format: 'binary' });

/** A 2xx answer that is a file of one of the given media types (PDF, XLSX…). */
export const fileAnswer = (description: string, ...mediaTypes: readonly string[]) => ({
  description, content: Object.fromEntries(mediaTypes.map((m) => [m, { schema: Binary }])),
});

/** A 2xx answer in JSON, or the same table as a file when asked (`format=xlsx`). */
export const jsonOrFile = <T extends TSchema>(schema: T, description: string, ...mediaTypes: readonly string[]) => ({
  description, content: { 'application/json': { schema }, ...Object.fromEntries(mediaTypes.map((m) => [m, { schema: Binary }])) },
});

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PDF = 'application/pdf';

/** A 204 answer: no body. */
export const NoContent = (description: string) => Type.Unsafe<void>({ type: 'null', description });
