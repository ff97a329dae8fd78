import { describe, expect, it } from 'vitest';
import { draftOfHours, hoursLines, hoursOfDraft } from './hours';

const postOffice = { weekly: { 1: ['07:00-11:30', '13:30-17:00'], 2: ['07:00-11:30', '13:30-17:00'], 3: ['07:00-11:30', '13:30-17:00'], 4: ['07:00-11:30', '13:30-17:00'], 5: ['07:00-11:30', '13:30-17:00'], 6: ['07:00-11:30'] } };

describe('opening hours form', () => {
  it('reads the weekly pattern into mornings and afternoons and back unchanged', () => {
    const draft = draftOfHours(postOffice);
    expect(draft[1]).toEqual({ morningStart: '07:00', morningEnd: '11:30', afternoonStart: '13:30', afternoonEnd: '17:00' });
    expect(draft[6]).toEqual({ morningStart: '07:00', morningEnd: '11:30', afternoonStart: '', afternoonEnd: '' });
    expect(hoursOfDraft(draft)).toEqual({ hours: postOffice, badDays: [] });
  });

  it('puts a lone afternoon period in the afternoon', () => {
    expect(draftOfHours({ weekly: { 7: ['13:30-16:00'] } })[7]).toEqual({ morningStart: '', morningEnd: '', afternoonStart: '13:30', afternoonEnd: '16:00' });
  });

  it('accepts 7h30 and 7.30, and names the days whose times are wrong', () => {
    const draft = { ...draftOfHours({ weekly: {} }), 1: { morningStart: '7h30', morningEnd: '11.30', afternoonStart: '', afternoonEnd: '' },
      2: { morningStart: '11:30', morningEnd: '07:00', afternoonStart: '', afternoonEnd: '' },
      3: { morningStart: '07:00', morningEnd: '14:00', afternoonStart: '13:30', afternoonEnd: '17:00' },
      4: { morningStart: '07:00', morningEnd: '', afternoonStart: '', afternoonEnd: '' } };
    const { hours, badDays } = hoursOfDraft(draft);
    expect(hours.weekly['1']).toEqual(['07:30-11:30']);
    expect(badDays).toEqual([2, 3, 4]);
  });

  it('summarises consecutive days with the same hours on one line', () => {
    const names = ['', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'];
    expect(hoursLines(postOffice, (d) => names[d] ?? '', 'nghỉ')).toEqual(['T2 – T6: 07:00–11:30, 13:30–17:00', 'T7: 07:00–11:30']);
  });
});
