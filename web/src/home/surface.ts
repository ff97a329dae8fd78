// The signed-in home page (the capability cards): one chunk (web/src/pages.ts).
export { HomePage } from './HomePage';
