import { describe, expect, it } from 'vitest';
import { consultPayload } from './consult';
import { argsFor } from './args.test-helper';

describe('consult payload', () => {
  it('records the body asked and the reply deadline', () => {
    expect(consultPayload(argsFor({ consultedAgency: ' Sở Tài nguyên và Môi trường ', replyDueAt: '2026-03-11T17:00:00+07:00', note: 'Xin ý kiến về ranh giới' }))).toEqual({
      reason: undefined, note: 'Xin ý kiến về ranh giới', consultedAgency: 'Sở Tài nguyên và Môi trường', replyDueAt: '2026-03-11T10:00:00.000Z',
    });
  });

  it('needs the agency, then the deadline', () => {
    expect(() => consultPayload(argsFor({ replyDueAt: '2026-03-11T17:00:00+07:00' }))).toThrow(expect.objectContaining({ details: [expect.objectContaining({ path: 'consultedAgency' })] }));
    expect(() => consultPayload(argsFor({ consultedAgency: 'Sở Xây dựng' }))).toThrow(expect.objectContaining({ details: [expect.objectContaining({ path: 'replyDueAt' })] }));
  });
});
