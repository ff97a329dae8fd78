-- Who is who on a dossier (issue 9): the filer (applicant_id, the person at the counter) files for
-- themself ('person'), for an organisation they represent ('organisation': name, tax code,
-- representative) or for another person under an authorisation paper ('proxy': the person concerned
-- and the paper). The intake event carries it (payload `party`); these columns are its fold.
ALTER TABLE dossiers
  ADD COLUMN applicant_kind text NOT NULL DEFAULT 'person' CHECK (applicant_kind IN ('person', 'organisation', 'proxy')),
  ADD COLUMN applicant_party jsonb,
  ADD CONSTRAINT dossiers_applicant_party CHECK ((applicant_kind = 'person') = (applicant_party IS NULL));
