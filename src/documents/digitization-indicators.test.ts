// F766 group 4 (DOMAIN §6.2) from the stored files and flags, on a hand-built March 2026: four
// dossiers received at the counter, each paper's file and source chosen by hand, two of them
// resolved, one with its signed electronic result attached (twice: two files, one dossier).
//   D1 scans with files, consent → digitized; resolved with an electronic result
//   D2 one scan with its file, the birth notice reused from D1's store → digitized, reused; resolved, no e-result
//   D3 "scanned" ticked but no file → not digitized
//   D4 one scan with its file, one paper fetched from a national database → digitized, reused, linked (4.4)
// 4.1 = 1/2 = 50 %, 4.2 = 3/4 = 75 %, 4.3 = 2/4 = 50 %, 4.4 = 1/3 = 33.33 %.
import { describe, expect, it } from 'vitest';
import type { DossierContext } from '../dossiers/events';
import { performAction, receiveDossier } from '../dossiers/service';
import { rollupHook } from '../reports/hook';
import { reportIndicators } from '../reports/service';
import { useWorld } from '../dossiers/world.test-helper';
import { reusedPapersCheck } from './store';
import { storeHook } from './store-hook';

const { w } = useWorld();
const ctx = (who: 'clerk' | 'officer' | 'approver'): DossierContext => ({ ...w.ctx(w.actors[who]), hooks: [storeHook, rollupHook], intakeChecks: [reusedPapersCheck] });
const at = (iso: string) => w.clock.set(new Date(iso));
const resultFile = (fileId: number, title: string) => ({ resultFile: { fileId, sha256: String(fileId).padStart(64, '0'), mediaType: 'application/pdf', title, docType: 'birthCertificate' } });

describe('F766 group 4 on a hand-built month', () => {
  it('counts digitized, reused, store-linked dossiers and electronic results from the files and flags', async () => {
    at('2026-03-02T08:00:00+07:00');
    const d1 = await receiveDossier(ctx('clerk'), { ...w.intake({ papers: [{ key: 'p1', source: 'scanned', fileId: 601 }, { key: 'p2', source: 'scanned', fileId: 602 }] }), storeConsent: true });
    const stored = await w.db.selectFrom('store_documents').select(['id', 'paper_key']).where('source_dossier_code', '=', d1.code).execute();
    const birthNotice = stored.find((s) => s.paper_key === 'p2')?.id;
    at('2026-03-03T08:00:00+07:00');
    const d2 = await receiveDossier(ctx('clerk'), w.intake({ papers: [{ key: 'p1', source: 'scanned', fileId: 603 }, { key: 'p2', source: 'reused', reusedDocumentId: birthNotice }] }));
    await receiveDossier(ctx('clerk'), w.intake({ personalId: '087090002222', papers: [{ key: 'p1', source: 'scanned' }, { key: 'p2', source: 'scanned', digitized: true }] }));
    await receiveDossier(ctx('clerk'), w.intake({ personalId: '087090003333', papers: [{ key: 'p1', source: 'scanned', fileId: 604 }, { key: 'p2', source: 'national_db' }] }));

    at('2026-03-04T09:00:00+07:00');
    for (const code of [d1.code, d2.code]) {
      await performAction(ctx('clerk'), code, 'forward');
      await performAction(ctx('approver'), code, 'approve');
    }
    await performAction(ctx('officer'), d1.code, 'attachResult', resultFile(701, 'Giấy khai sinh'));
    await performAction(ctx('officer'), d1.code, 'markResultReady');
    await performAction(ctx('officer'), d1.code, 'attachResult', resultFile(702, 'Trích lục khai sinh'));
    await performAction(ctx('officer'), d2.code, 'markResultReady');

    const { indicators } = await reportIndicators(w.ctx(w.actors.supervisor), { from: '2026-03-01', to: '2026-03-31' });
    const of = (code: string) => indicators.find((i) => i.code === code);
    expect(of('4.1')).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    expect(of('4.2')).toMatchObject({ numerator: 3, denominator: 4, value: 75 });
    expect(of('4.3')).toMatchObject({ numerator: 2, denominator: 4, value: 50 });
    expect(of('4.4')).toMatchObject({ numerator: 1, denominator: 3, value: 33.33 });

    // the electronic results entered the applicant's store (D1's holder consented), as results
    const results = await w.db.selectFrom('store_documents').select(['title', 'file_id', 'source_kind', 'doc_type']).where('source_dossier_code', '=', d1.code)
      .where('source_kind', '=', 'result').orderBy('id').execute();
    expect(results).toEqual([
      { title: 'Giấy khai sinh', file_id: 701, source_kind: 'result', doc_type: 'birthCertificate' },
      { title: 'Trích lục khai sinh', file_id: 702, source_kind: 'result', doc_type: 'birthCertificate' },
    ]);
  });
});
