// The administrators' surface: its pages load as one chunk (web/src/pages.ts).
export { CalendarAdminPage } from './calendar/CalendarAdminPage';
export { AgenciesPage } from './directory/AgenciesPage';
export { ServicePointsPage } from './directory/ServicePointsPage';
export { UnitsPage } from './directory/UnitsPage';
export { UsersPage } from './users/UsersPage';
export { CatalogPage } from './catalog/CatalogPage';
export { ProcedurePage } from './catalog/ProcedurePage';
