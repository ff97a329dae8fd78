// The portal's procedure search: a chunk of its own (web/src/standalone.tsx), apart from the
// procedure's page so that opening a procedure's link does not load the search.
export { ProcedureSearchPage } from './ProcedureSearchPage';
