-- Citizen accounts by e-mail as well as by phone (issue 15 §1): a one-time code goes to a phone (SMS)
-- or to an e-mail address (mail); an account may have a phone, an e-mail or both, each verified
-- separately by a code, and one verified phone or e-mail belongs to one citizen account only.
ALTER TABLE one_time_codes ALTER COLUMN phone DROP NOT NULL;
ALTER TABLE one_time_codes ADD COLUMN email text;
ALTER TABLE one_time_codes ADD CONSTRAINT one_time_codes_one_destination CHECK ((phone IS NULL) <> (email IS NULL));
CREATE INDEX one_time_codes_email_idx ON one_time_codes (email, created_at) WHERE email IS NOT NULL;

ALTER TABLE users ADD COLUMN phone_verified_at timestamptz;
ALTER TABLE users ADD COLUMN email_verified_at timestamptz;
ALTER TABLE users ADD CONSTRAINT users_phone_verified_has_phone CHECK (phone_verified_at IS NULL OR phone IS NOT NULL);
ALTER TABLE users ADD CONSTRAINT users_email_verified_has_email CHECK (email_verified_at IS NULL OR email IS NOT NULL);

-- The phones already proved by a code: the account was opened with it, or the citizen confirmed a
-- dossier filed for them with it (the first such account per number, should there be two).
UPDATE users SET phone_verified_at = created_at
WHERE id IN (
  SELECT DISTINCT ON (u.phone) u.id FROM users u
  WHERE u.role = 'citizen' AND u.phone IS NOT NULL
    AND EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'user' AND a.entity_key = u.id::text
                AND a.action IN ('citizen.registered', 'citizen.assistedFilingConfirmed'))
  ORDER BY u.phone, u.id
);

CREATE UNIQUE INDEX users_citizen_verified_phone_idx ON users (phone) WHERE role = 'citizen' AND phone_verified_at IS NOT NULL;
CREATE UNIQUE INDEX users_citizen_verified_email_idx ON users (lower(email)) WHERE role = 'citizen' AND email_verified_at IS NOT NULL;
