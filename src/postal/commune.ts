// The commune of a pickup address, in force today: a code given from a pre-2025 ID card or an old
// address book is translated through the official 2025 succession (DOMAIN §9.3; src/directory's
// unit map), so the courier and the agency always see the current commune.
import { loadUnitMap } from '../directory/succession';
import type { Database } from '../platform/db/connect';
import { validationFailed } from '../platform/errors';

export interface CurrentCommune {
  readonly code: string;
  readonly name: string;
  readonly path: string;
  /** the name the request used when it was an old commune (else null) */
  readonly formerName: string | null;
}

export async function currentCommune(db: Database, code: string, path = 'communeCode'): Promise<CurrentCommune> {
  const map = await loadUnitMap(db);
  const versions = map.byCode(code).filter((u) => u.level === 'commune');
  const current = versions.find((u) => u.current);
  if (current) return { code: current.code, name: current.name, path: current.path, formerName: null };
  const latest = [...versions].sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0];
  const now = latest ? map.asIs(latest.path) : undefined;
  if (!latest || !now || !now.current || now.level !== 'commune') {
    throw validationFailed('COMMUNE_NOT_FOUND', `Không tìm thấy xã, phường mã ${code} (hiện hành hoặc trước sáp nhập).`, [{ path, message: 'không tồn tại' }]);
  }
  return { code: now.code, name: now.name, path: now.path, formerName: latest.name };
}
