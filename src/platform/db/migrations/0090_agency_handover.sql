-- Hand-over from the receiving one-stop to the competent agency (ND 61/2018 art. 18; issue 9 "The
-- agency desk"). An agency whose desk takes dossiers electronically ('electronic') gets counter and
-- postal dossiers in its queue as soon as they are received; otherwise ('paper', the default) the
-- receiving point's clerk hands each one over with the action "Chuyển đến <agency>" — the same
-- working day, or at the start of the next one after 15:00. Online dossiers are electronic: they are
-- handed over at once when the one-stop accepts them, whatever this setting (art. 18.1).
ALTER TABLE agencies ADD COLUMN handover text NOT NULL DEFAULT 'paper' CHECK (handover IN ('paper', 'electronic'));
