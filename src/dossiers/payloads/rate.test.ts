import { describe, expect, it } from 'vitest';
import { ratePayload, ratingOf } from './rate';
import { argsFor } from './args.test-helper';

describe('rate payload', () => {
  it('records the stars, the reasons in the list\'s order (each once) and the comment', () => {
    expect(ratingOf({ stars: 2, dislike: ['time', 'attitude', 'time'], comment: '  Chờ lâu ' }, 'portal'))
      .toEqual({ stars: 2, dislike: ['attitude', 'time'], comment: 'Chờ lâu', via: 'portal' });
  });

  it('refuses stars outside 1–5, unknown reasons and a comment over 500 code points', () => {
    for (const stars of [0, 6, 2.5, undefined]) expect(() => ratingOf({ stars }, 'portal')).toThrow(expect.objectContaining({ code: 'RATING_STARS_INVALID' }));
    expect(() => ratingOf({ stars: 1, dislike: ['rude' as 'time'] }, 'portal')).toThrow(expect.objectContaining({ code: 'RATING_REASON_UNKNOWN', details: [expect.objectContaining({ path: 'dislike/0' })] }));
    expect(ratingOf({ stars: 5, comment: 'ệ'.repeat(500) }, 'counter')).toMatchObject({ via: 'counter' });
    expect(() => ratingOf({ stars: 5, comment: 'ệ'.repeat(501) }, 'portal')).toThrow(expect.objectContaining({ code: 'RATING_COMMENT_TOO_LONG' }));
  });

  it('records a citizen\'s rating as given on the portal', async () => {
    await expect(ratePayload(argsFor({ stars: 4 }, { role: 'citizen' }))).resolves.toEqual({ stars: 4, dislike: [], comment: undefined, via: 'portal' });
  });
});
