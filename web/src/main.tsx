// Entry point: translations first, then the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n';
import './ui/styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('motcua: #root is missing from index.html');

void initI18n().then(() => {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
