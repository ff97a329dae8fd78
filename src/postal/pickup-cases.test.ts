// The case a postal dossier is received under when the courier names none: the procedure's only
// case, else its general terms, as the counter receives without a choice. Birth registration
// 1.001193 as the national import writes it (two unnamed cases, 1 working day each) is sealed and
// handed over without anyone being asked about a case.
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import catalogue from '../catalog/seed/procedures-catalogue.json';
import { casesOf, type NationalProcedure } from '../catalog/national';
import { isUnnamedCase } from '../shared/case-names';
import { useWorld } from '../dossiers/world.test-helper';
import type { Actor } from '../platform/actor';
import { shipmentCharges } from './charges';
import { useTempFiles } from './files.test-helper';
import { draftedPickup } from './pickup.test-helper';
import { defaultCaseKey } from './pickups';
import { collectPickup, signHandoverRecord } from './service';

const { w } = useWorld('2026-05-06T07:00:00+07:00');
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const files = useTempFiles();
const ctx = (a: Actor) => ({ ...w.ctx(a), hooks: [], files });
const sig = (name: string, personalId?: string) => ({ name, ...(personalId ? { personalId } : {}), image: PNG });

const birthRegistration = (catalogue as unknown as NationalProcedure[]).find((p) => p.code === '1.001193');

const drafted = (personalId: string, procedureCode: string, day: string) => draftedPickup(w, ctx, personalId, day, procedureCode);

describe('the case of a postal dossier nobody names', () => {
  it('1.001193 (cases the import could not name): sealed and received under its general terms, no case asked', async () => {
    const cases = casesOf(birthRegistration as NationalProcedure);
    expect(cases.map((c) => [c.key, isUnnamedCase(c.name), c.durationValue, c.durationUnit]).sort()).toEqual([
      ['1.001193.01', true, 1, 'working_days'], ['1.001193.02', true, 1, 'working_days'],
    ]);
    expect(defaultCaseKey({ cases })).toBeNull();
    await sql`UPDATE procedures SET code = '1.001193', name = 'Thủ tục đăng ký khai sinh', cases = ${JSON.stringify(cases)}::jsonb,
      duration_value = 1, duration_unit = 'working_days', cutoff = NULL, fees = '[]'::jsonb WHERE code = ${w.procedureCode}`.execute(w.db);
    const { s, answer } = await drafted('087090001193', '1.001193', '2026-05-06');
    expect(answer.problems).toEqual([]);
    expect(answer.shipment.draft.caseKey).toBeUndefined();
    // 300 g in the same commune
    expect((await shipmentCharges(ctx(w.actors.courier), s.id)).postage.amountVnd).toBe(17_000);
    w.clock.set(new Date('2026-05-06T09:00:00+07:00'));
    await collectPickup(ctx(w.actors.courier), s.id, {
      items: [{ kind: 'postage', label: 'Cước', amountVnd: 17_000 }], paymentMethod: 'cash',
      applicantSignature: sig('Nguyễn Văn An', '087090001193'), courierSignature: sig(w.actors.courier.fullName),
    });
    // handed over Wednesday 06/05/2026 at 10:00: due one working day later
    w.clock.set(new Date('2026-05-06T10:00:00+07:00'));
    const record = await signHandoverRecord(ctx(w.actors.courier), {
      agencyId: w.communeAgency.id, trackingNumbers: [s.legs[0]?.trackingNumber ?? ''], receiver: { name: 'Trần Thị Nhận' },
      courierSignature: sig(w.actors.courier.fullName), receiverSignature: sig('Trần Thị Nhận'),
    });
    const item = record.items[0];
    expect(item?.receivedAt).toBe(new Date('2026-05-06T10:00:00+07:00').toISOString());
    expect(item?.dueAt).toBe(new Date('2026-05-07T10:00:00+07:00').toISOString());
    expect(item?.dossierCode).toMatch(/-260506-/);
  });

  it('a procedure with a single case takes it without asking; a named one is kept', async () => {
    w.clock.set(new Date('2026-05-08T07:00:00+07:00'));
    const only = { key: 'cap-lai', name: 'Cấp lại', durationValue: 3, durationUnit: 'working_days', cutoff: null };
    expect(defaultCaseKey({ cases: [only] as never })).toBe('cap-lai');
    await sql`UPDATE procedures SET cases = ${JSON.stringify([only])}::jsonb WHERE code = '1.001193'`.execute(w.db);
    // the catalogue is read through a cache of a few seconds: the next day reads the change
    w.clock.set(new Date('2026-05-11T07:00:00+07:00'));
    const { answer } = await drafted('087090001194', '1.001193', '2026-05-11');
    expect(answer.shipment.draft.caseKey).toBe('cap-lai');
    expect(answer.problems).toEqual([]);
  });
});
