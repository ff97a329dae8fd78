-- Routing by a structured competent body (issue 9 §1) and procedure cases (catalogue depth).
--
-- Agencies: a social-insurance kind, and the function of a provincial department or police
-- unit (`function_code`, e.g. 'tu-phap', 'nong-nghiep-moi-truong', 'bhxh') so a procedure's
-- body resolves to exactly one agency of the province, never a default.
ALTER TABLE agencies DROP CONSTRAINT agencies_kind_check;
ALTER TABLE agencies ADD CONSTRAINT agencies_kind_check
  CHECK (kind IN ('people_committee', 'department', 'public_service_centre', 'police', 'social_insurance', 'other'));
ALTER TABLE agencies ADD COLUMN function_code text;
CREATE INDEX agencies_routing_idx ON agencies (kind, level, province_code);

-- Procedures: the competent body as data ({kind, level, functionCode}); NULL = not resolved in
-- the catalogue, and intake refuses the procedure (422 COMPETENT_BODY_UNKNOWN).
ALTER TABLE procedures ADD COLUMN competent_body jsonb;
-- tied to a place (land, works, business location): the competent commune is where the place is
ALTER TABLE procedures ADD COLUMN place_tied boolean NOT NULL DEFAULT false;
-- can be filed at any counter of the province (ND 118/2025 "phi địa giới")
ALTER TABLE procedures ADD COLUMN filing_anywhere boolean NOT NULL DEFAULT true;
-- cases ("trường hợp") with their own durations: [{key, name, durationValue, durationUnit, cutoff}]
ALTER TABLE procedures ADD COLUMN cases jsonb NOT NULL DEFAULT '[]'::jsonb;

-- Existing catalogues: the same reading of the published agency text as
-- src/catalog/competent-body.ts (competentBodyFromText); texts it cannot read stay NULL.
UPDATE procedures SET competent_body = CASE
  WHEN search_key(competent_agency) ~ 'cong an (cap )?xa' THEN '{"kind":"commune_police","level":"commune","functionCode":null}'
  WHEN search_key(competent_agency) ~ 'cong an (cap )?tinh' THEN '{"kind":"provincial_police","level":"province","functionCode":null}'
  WHEN search_key(competent_agency) ~ 'bao hiem xa hoi|bhxh' THEN '{"kind":"social_insurance","level":"province","functionCode":"bhxh"}'
  WHEN search_key(competent_agency) LIKE '%so nong nghiep va moi truong%' THEN '{"kind":"provincial_department","level":"province","functionCode":"nong-nghiep-moi-truong"}'
  WHEN search_key(competent_agency) LIKE '%so tu phap%' THEN '{"kind":"provincial_department","level":"province","functionCode":"tu-phap"}'
  WHEN search_key(competent_agency) LIKE '%so xay dung%' THEN '{"kind":"provincial_department","level":"province","functionCode":"xay-dung"}'
  WHEN search_key(competent_agency) LIKE '%so y te%' THEN '{"kind":"provincial_department","level":"province","functionCode":"y-te"}'
  WHEN search_key(competent_agency) ~ 'uy ban nhan dan (cap )?xa|uy ban nhan dan xa, phuong' THEN '{"kind":"people_committee","level":"commune","functionCode":null}'
  WHEN search_key(competent_agency) ~ 'uy ban nhan dan (cap )?tinh' THEN '{"kind":"people_committee","level":"province","functionCode":null}'
END::jsonb;
UPDATE procedures SET place_tied = true
  WHERE search_key(field) LIKE '%dat dai%' OR search_key(field) LIKE '%hoat dong xay dung%' OR search_key(field) LIKE '%ho kinh doanh%';
