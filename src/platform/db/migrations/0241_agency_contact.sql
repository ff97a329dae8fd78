-- An agency's address and phone (the directory): the courier's stop at an agency — a parcel to hand
-- over, a transfer to collect — shows where to go and whom to call (src/postal day-plan.ts). Both
-- optional: an agency imported without them keeps null, and the stop falls back to its name.
ALTER TABLE agencies ADD COLUMN address text, ADD COLUMN phone text;
