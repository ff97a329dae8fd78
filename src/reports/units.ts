// "As-was" and "as-is" units for reports (DOMAIN §9.3.3): the map of the official succession of
// units lives in the directory (src/directory/succession.ts), where every scoped read takes it
// from; the reports use it for their views and scope.
export { buildUnitMap, loadUnitMap, type AsOf, type UnitInfo, type UnitMap } from '../directory/succession';
