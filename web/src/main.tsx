// Entry point: translations first, then the surface for the address — a standalone one (portal,
// kiosk, display) straight away, else the signed-in app, which loads as a chunk of its own so
// that a citizen opening a portal page never downloads the staff frame (test/web-bundle.test.ts).
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { standaloneSurface } from './standalone';
import { usePath } from './ui/router';
import './ui/styles.css';

const App = lazy(() => import('./App').then((module) => ({ default: module.App })));

function Root() {
  const path = usePath();
  return standaloneSurface(path) ?? <Suspense fallback={null}><App /></Suspense>;
}

const container = document.getElementById('root');
if (!container) throw new Error('motcua: #root is missing from index.html');

void initI18n().then(() => {
  createRoot(container).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
});
