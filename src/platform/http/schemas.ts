// Schemas every capability's routes share.
import { Type } from '@fastify/type-provider-typebox';

/** The one error shape of every 4xx/5xx answer. */
export const ErrorShape = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Array(Type.Object({ path: Type.Optional(Type.String()), message: Type.String() }))),
  }),
});

/** One of the given strings (an `enum` schema, typed as their union). */
export const literals = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] });
