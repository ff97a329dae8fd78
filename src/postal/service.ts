// The postal capability's use cases (issue 13), one entry for routes and other capabilities: pickup
// requests and the work at the door (pickups.ts), the hand-over record that receives the dossiers
// (handover.ts), result delivery (results.ts), the carrier feed (carrier.ts) and the reads
// (queries.ts). Each checks the actor's permission and scope first and writes its state with its
// trail event in one transaction.
export { assignCourier, collectPickup, draftProblems, requestPickup, saveDraft, type CollectInput, type DraftAnswer, type DraftInput } from './pickups';
export { departWithParcel, openToAgencyLeg } from './to-agency';
export { handoverRecordView, signHandoverRecord, type HandoverInput, type HandoverRecordView } from './handover';
export { collectResult, createResultLeg, postalResultHook, recordDeliveryAttempt, returnResultToAgency, type AttemptInput } from './results';
export { createGroupedResultLeg, postalResultHookWith, type ResultPlan, type ResultPlanSource } from './result-plan';
export { ingestCarrierEvents, pollCarrier, type CarrierAdapter, type CarrierEvent, type IngestResult } from './carrier';
export { getShipment, getShipmentByTracking, listShipments, resultsBackAtAgency, resultTrackingNumbers, trackLeg, type ShipmentFilter } from './queries';
export type { PublicTrackingView, ShipmentView } from './views';
export { consignmentNotePdf, handoverRecordPdf } from './documents';
export { moveBookedVisitPickup, openBookedVisitPickup, releaseBookedVisitPickup, type BookedVisit } from './booked-visits';
export { currentCommune, type CurrentCommune } from './commune';
export { postalHandoffs } from './handoffs';
// the road distance between two places (appointments' travel between visits at home)
export { roadKm, type LatLng } from './geo';
