// Alert-worthy events: each is ONE structured log line (`"alert":"<event>"`, level warn or error)
// that an operator's log shipper can match on, and a count in the metrics
// (`motcua_alerts_total{event}`). The list is closed, so a dashboard can name every event.
export const alertEvents = {
  'database.unavailable': 'error',
  'database.restored': 'warn',
  'database.restarted': 'warn',
  'database.restart_failed': 'error',
  'job.failed': 'error',
  'outbox.dead': 'error',
} as const satisfies Record<string, 'warn' | 'error'>;

export type AlertEvent = keyof typeof alertEvents;

/** The part of a pino logger alerts need. */
export interface AlertLogger {
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export type Alert = (event: AlertEvent, message: string, fields?: Record<string, unknown>) => void;

export function createAlert(logger: AlertLogger, count: (event: AlertEvent) => void = () => {}): Alert {
  return (event, message, fields = {}) => {
    count(event);
    logger[alertEvents[event]]({ alert: event, ...fields }, message);
  };
}
