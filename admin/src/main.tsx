import '@ant-design/v5-patch-for-react-19';
import { getLanguage } from '@motcua/kernel/admin';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

document.documentElement.lang = getLanguage();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
