-- The agency desk (issue 9): the officer submits a dossier for approval ("Trình phê duyệt"); it
-- waits in the approver's queue with the status awaitingApproval (national sync code 4, processing).
ALTER TABLE dossiers DROP CONSTRAINT dossiers_status_check;
ALTER TABLE dossiers ADD CONSTRAINT dossiers_status_check CHECK (status IN ('submitted', 'received', 'refused', 'processing',
  'awaitingApproval', 'awaitingSupplement', 'awaitingPayment', 'resultReady', 'returned', 'rejected', 'withdrawn', 'stopped'));
