// Logs must not carry personal ID numbers or phone numbers (Decree 13/2023 on personal data).
const LONG_DIGITS = /\d{9,}/g;
const SENSITIVE_QUERY = /([?&](?:phone|personalId|personal_id|q|cccd|pin|name)=)[^&]*/gi;

export function redactUrl(url: string): string {
  return url.replace(SENSITIVE_QUERY, '$1[redacted]').replace(LONG_DIGITS, '[redacted]');
}

export function loggerOptions(level: string): Record<string, unknown> {
  return { level };
}
