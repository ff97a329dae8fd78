// The citizen's payment pages: one small chunk of their own, loaded only when a payment is made
// or its result is shown (web/src/pages.ts, web/src/standalone.tsx).
export { PayResultPage } from './PayResultPage';
export { PayDossierPage } from './PayDossierPage';
export { PayButton } from './PayButton';
