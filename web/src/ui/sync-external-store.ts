// React 19 has useSyncExternalStore built in; react-i18next still imports the shim package that
// back-ports it to React 17. The build points that import here (web/vite.config.ts), so the
// shim's code is not shipped to every visitor.
export { useSyncExternalStore } from 'react';
