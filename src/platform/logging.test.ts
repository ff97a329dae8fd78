import { describe, expect, it } from 'vitest';
import { redactUrl } from './logging';

describe('log redaction', () => {
  it.each([
    ['/api/v1/track/000.00.00.H20-260305-0001?phone=6789', '/api/v1/track/000.00.00.H20-260305-0001?phone=[redacted]'],
    ['/api/v1/track/000.00.00.H20-260305-0001?pin=123456', '/api/v1/track/000.00.00.H20-260305-0001?pin=[redacted]'],
    ['/api/v1/dossiers?name=Nguy%E1%BB%85n%20V%C4%83n%20An&limit=5', '/api/v1/dossiers?name=[redacted]&limit=5'],
    ['/api/v1/dossiers?q=087090001234&status=received', '/api/v1/dossiers?q=[redacted]&status=received'],
    ['/api/v1/applicants/087090001234', '/api/v1/applicants/[redacted]'],
    ['/api/v1/dossiers?phone=0912345678', '/api/v1/dossiers?phone=[redacted]'],
    ['/api/health', '/api/health'],
  ])('keeps ID and phone numbers out of logged URLs: %s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });
});
