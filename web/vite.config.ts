/** Builds the single-page application into web/dist, served by the API server on the same port. */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { frenchFirstCatalogue } from './catalogue-plugin.ts';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), frenchFirstCatalogue()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `npx vite web` during development: the API runs on `npm start`.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
