-- The receipt's ledger book and serial (form 01: "Vào Sổ theo dõi hồ sơ, Quyển số: … Số thứ tự: …";
-- TT 01/2018 art. 10: ledgers are opened per year and numbered from 01 with no gap; issue 9).
-- One mechanism for every gap-free register of a service point: the counter outcomes' serial table
-- (migration 0076) becomes the registers' table, keyed by service point, year and register
-- ('guidance', 'incomplete', 'refused' for the counter outcomes, 'receipt' for form 01). The intake
-- statement takes the receipt number in the statement that writes the dossier (ADR 008), so a
-- failed intake gives it back. src/platform/registers.ts holds the one allocating statement.
ALTER TABLE counter_outcome_serials RENAME TO register_serials;
ALTER TABLE register_serials RENAME COLUMN kind TO register;
ALTER INDEX counter_outcome_serials_pkey RENAME TO register_serials_pkey;

-- the receipt ledger of the receiving service point: the year (Vietnam time) of the receipt and the
-- serial in that year's book; NULL for dossiers received without a counter (online) and for those
-- received before this migration
ALTER TABLE dossiers ADD COLUMN ledger_year integer, ADD COLUMN ledger_serial integer;
CREATE UNIQUE INDEX dossiers_ledger_idx ON dossiers (receiving_service_point_id, ledger_year, ledger_serial) WHERE ledger_serial IS NOT NULL;
