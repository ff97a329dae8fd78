import { describe, expect, it } from 'vitest';
import { addressLine } from './address-line';

describe('addressLine', () => {
  it.each([
    ['Số 12 đường Lê Lợi, ấp 3', 'Xã Mỹ An', 'Số 12 đường Lê Lợi, ấp 3, Xã Mỹ An'],
    ['Số 12 đường Lê Lợi, ấp 3, Xã Mỹ An', 'Xã Mỹ An', 'Số 12 đường Lê Lợi, ấp 3, Xã Mỹ An'],
    ['số 12 lê lợi, xa my an,', 'Xã Mỹ An', 'số 12 lê lợi, xa my an'],
    ['Ấp Mỹ An Hưng, Xã Mỹ An Hưng', 'Xã Mỹ An', 'Ấp Mỹ An Hưng, Xã Mỹ An Hưng, Xã Mỹ An'],
    ['', 'Phường Cao Lãnh', 'Phường Cao Lãnh'],
    ['Số 5 Nguyễn Huệ', null, 'Số 5 Nguyễn Huệ'],
  ])('%s + %s → %s', (address, commune, line) => expect(addressLine(address, commune)).toBe(line));
});
