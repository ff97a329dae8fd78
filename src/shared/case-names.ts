/**
 * Case names ("trường hợp") as the national import writes them: where the source names no case,
 * the import writes a placeholder a citizen cannot recognise, and the portal never asks about it.
 * Pure; shared by the catalogue (server) and the portal's eligibility questions (web).
 */

/** What the imported name of a case says when the source gives none ("Trường hợp 1.001193.02 (nguồn không ghi tên trường hợp)"). */
export const UNNAMED_CASE_NOTE = '(nguồn không ghi tên trường hợp)';

/** Whether a case has only the import's placeholder name (a citizen cannot recognise it). */
export const isUnnamedCase = (name: string): boolean => name.trim() === '' || name.endsWith(UNNAMED_CASE_NOTE);
