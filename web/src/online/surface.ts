// The online submission's staff pages: the one-stop's online inbox and assisted filing (one chunk, web/src/pages.ts).
export { InboxPage } from './InboxPage';
export { AssistPage } from './AssistPage';
