// What the applicant chooses at the counter beside the procedure and papers (issue 9): how the result
// comes back (form 01 item 6), through the HTTP route, into the dossier, its intake event, form 01
// and public tracking (without the address).
import { describe, expect, it } from 'vitest';
import { dossierSlip } from '../forms/service';
import { registerTrackingRoutes } from '../tracking/routes';
import { trackingPinFor } from '../tracking/references';
import { registerDossierRoutes } from './routes';
import { useWorldApp, type World } from './world.test-helper';

const { t, w, app } = useWorldApp((a) => {
  registerDossierRoutes(a, { db: t.db, clock: w.clock, hooks: [] });
  registerTrackingRoutes(a, { db: t.db, clock: w.clock, trackRateLimit: 10_000 });
});

type Who = keyof World['actors'];
const post = (who: Who, payload: unknown) => app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { 'x-test-actor': who }, payload: payload as object });
const get = (url: string, who: Who | null) => app.inject({ method: 'GET', url, headers: who ? { 'x-test-actor': who } : {} });
const countDossiers = async () => Number((await t.db.selectFrom('dossiers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('the result-delivery method at intake', () => {
  it('records delivery by post with its address: dossier, event, form 01, tracking without the address', async () => {
    w.clock.set(new Date('2026-03-02T09:00:00+07:00'));
    const address = 'Số 12, ấp Mỹ Phú, xã Mỹ Tân, tỉnh Đồng Tháp';
    const res = await post('clerk', { ...w.intake(), delivery: { method: 'post', address } });
    expect(res.statusCode, res.body).toBe(201);
    const { code } = res.json() as { code: string };
    const d = (await get(`/api/v1/dossiers/${code}`, 'clerk')).json();
    expect(d.delivery).toEqual({ method: 'post', address });
    expect(d.timeline[0].payload.delivery).toEqual({ method: 'post', address });
    const slip = await dossierSlip({ ...w.ctx(w.actors.clerk), publicUrl: 'https://motcua.example.vn/' }, code, 'receipt');
    if (slip.kind !== 'receipt') throw new Error('expected a receipt');
    expect(slip.data.resultDelivery).toEqual({ method: 'post', text: address });
    const pin = await trackingPinFor(t.db, code);
    const tracked = await get(`/api/v1/track/${code}?pin=${pin}`, null);
    expect(tracked.statusCode, tracked.body).toBe(200);
    expect(tracked.json().deliveryMethod).toBe('post');
    expect(tracked.body).not.toContain('Mỹ Phú');
  });

  it('records the counter by default and online when chosen; form 01 says where', async () => {
    const counter = (await post('clerk', w.intake())).json() as { code: string };
    expect((await get(`/api/v1/dossiers/${counter.code}`, 'clerk')).json().delivery).toEqual({ method: 'counter', address: null });
    const online = await post('clerk', { ...w.intake(), delivery: { method: 'online' } });
    expect(online.statusCode).toBe(201);
    const slip = await dossierSlip({ ...w.ctx(w.actors.clerk), publicUrl: 'https://motcua.example.vn/' }, (online.json() as { code: string }).code, 'receipt');
    expect(slip.data).toMatchObject({ resultDelivery: { method: 'online', text: '' } });
  });

  it.each([
    ['by post without an address', { method: 'post' }, 'DOSSIER_INVALID', 'delivery.address'],
    ['an address with the counter', { method: 'counter', address: 'Số 1, ấp Một' }, 'DOSSIER_INVALID', 'delivery.address'],
    ['an unknown method', { method: 'fax' }, 'VALIDATION_FAILED', null],
    ['an unknown field', { method: 'post', address: 'Số 1, ấp Một', phone: '0912' }, 'VALIDATION_FAILED', null],
  ])('refuses %s: 400 with a Vietnamese message, nothing written', async (_name, delivery, code, path) => {
    const before = await countDossiers();
    const res = await post('clerk', { ...w.intake(), delivery });
    expect(res.statusCode, res.body).toBe(400);
    const error = res.json().error as { code: string; message: string; details?: { path?: string; message: string }[] };
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/[àáảãạăâđêôơưệếềộờởữ]/i);
    if (path) expect(error.details?.some((p) => p.path === path && /[ạảấầậ]/.test(p.message))).toBe(true);
    else expect(JSON.stringify(error)).not.toMatch(/must be equal|must NOT have|pattern/);
    expect(await countDossiers()).toBe(before);
  });
});

describe('who is who at intake', () => {
  const receipt = async (code: string) => {
    const slip = await dossierSlip({ ...w.ctx(w.actors.clerk), publicUrl: 'https://motcua.example.vn/' }, code, 'receipt');
    if (slip.kind !== 'receipt') throw new Error('expected a receipt');
    return slip.data;
  };
  const tracked = async (code: string) => (await get(`/api/v1/track/${code}?pin=${await trackingPinFor(t.db, code)}`, null));

  it('records an organisation: the dossier, its event, form 01 (organisation, representative, filer signing) and tracking (kind only)', async () => {
    const party = { kind: 'organisation', organisation: { name: 'Công ty TNHH Sen Hồng', taxCode: '1401234568', representative: 'Võ Thị Hoa' } };
    const res = await post('clerk', { ...w.intake({ name: 'Trần Văn Nộp' }), party });
    expect(res.statusCode, res.body).toBe(201);
    const { code } = res.json() as { code: string };
    const d = (await get(`/api/v1/dossiers/${code}`, 'clerk')).json();
    const recorded = { kind: 'organisation', name: 'Công ty TNHH Sen Hồng', taxCode: '1401234568', representative: 'Võ Thị Hoa' };
    expect(d.party).toEqual(recorded);
    expect(d.applicant.name).toBe('Trần Văn Nộp');
    expect(d.timeline[0].payload.party).toEqual(recorded);
    const slip = await receipt(code);
    expect(slip.applicant).toMatchObject({
      name: 'Công ty TNHH Sen Hồng (MST 1401234568)', filer: 'Trần Văn Nộp',
      roles: [{ label: 'Người đại diện theo pháp luật', value: 'Võ Thị Hoa' }, { label: 'Người nộp hồ sơ', value: 'Trần Văn Nộp' }],
    });
    const view = await tracked(code);
    expect(view.json().applicantKind).toBe('organisation');
    expect(view.body).not.toMatch(/Sen Hồng|1401234568|Võ Thị Hoa|Trần Văn Nộp/);
  });

  it('records a filing for another person with the authorisation paper; tracking names nobody', async () => {
    const party = { kind: 'proxy', principal: { name: 'Nguyễn Thị Bé', personalId: '087190004321' }, authorisation: 'Giấy ủy quyền số 12/UQ ngày 01/12/2026' };
    const res = await post('clerk', { ...w.intake({ name: 'Lê Văn Thay' }), party });
    expect(res.statusCode, res.body).toBe(201);
    const { code } = res.json() as { code: string };
    expect((await get(`/api/v1/dossiers/${code}`, 'clerk')).json().party).toEqual({
      kind: 'proxy', principalName: 'Nguyễn Thị Bé', principalPersonalId: '087190004321', authorisation: 'Giấy ủy quyền số 12/UQ ngày 01/12/2026',
    });
    expect((await receipt(code)).applicant).toMatchObject({
      name: 'Nguyễn Thị Bé (số định danh 087190004321)', filer: 'Lê Văn Thay',
      roles: [{ label: 'Người nộp thay', value: 'Lê Văn Thay' }, { label: 'Theo giấy ủy quyền', value: 'Giấy ủy quyền số 12/UQ ngày 01/12/2026' }],
    });
    const view = await tracked(code);
    expect(view.json().applicantKind).toBe('proxy');
    expect(view.body).not.toMatch(/Nguyễn Thị Bé|087190004321|Lê Văn Thay|12\/UQ/);
  });

  it.each([
    ['a tax code with a wrong check digit', { kind: 'organisation', organisation: { name: 'Công ty A', taxCode: '1401234567', representative: 'Võ Thị Hoa' } }, 'party.organisation.taxCode'],
    ['a proxy without an authorisation paper', { kind: 'proxy', principal: { name: 'Nguyễn Thị Bé' } }, 'party.authorisation'],
  ])('refuses %s: 400 DOSSIER_INVALID in Vietnamese, nothing written', async (_name, party, path) => {
    const before = await countDossiers();
    const res = await post('clerk', { ...w.intake(), party });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'DOSSIER_INVALID', details: [expect.objectContaining({ path })] });
    expect(await countDossiers()).toBe(before);
  });

  it('refuses an unknown kind through the schema with a Vietnamese message', async () => {
    const res = await post('clerk', { ...w.intake(), party: { kind: 'company' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.message).toMatch(/[àáảãạăâđêôơưệếềộờởữ]/i);
  });
});
