// An address as one line for a card, a slip or a note: the street part and the commune, the commune
// written once even when the address already names it (a delivery address typed in full, a card's
// address) — compared part by part without case, diacritics or spacing.

const fold = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase().replace(/[\s.]+/g, ' ').trim();

/** `address, communeName`, the commune left out when the address already contains it (or is empty). */
export function addressLine(address: string, communeName: string | null | undefined): string {
  const a = address.trim().replace(/[\s,]+$/, '');
  const c = (communeName ?? '').trim();
  if (c === '') return a;
  if (a === '') return c;
  // the commune is one of the address's comma-separated parts, whole
  return a.split(',').some((part) => fold(part) === fold(c)) ? a : `${a}, ${c}`;
}
