// Vietnam time lives in the shared pure module (src/shared/civil-date.ts, ADR 013); the calendar re-exports it.
export * from '../shared/civil-date';
