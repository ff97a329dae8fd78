// The citizen's online submission (its own chunk, web/src/pages.ts: the portal's public pages stay small).
export { SubmitPage } from './SubmitPage';
