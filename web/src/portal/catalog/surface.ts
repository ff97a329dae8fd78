// A procedure's page on the portal: one small chunk of its own (web/src/standalone.tsx), the
// first load of a citizen opening a procedure's link (test/web-bundle.test.ts).
export { ProcedureInfoPage } from './ProcedureInfoPage';
