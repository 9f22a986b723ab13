/**
 * Vite config for the web app. `npm run dev -w apps/web` serves it with /api proxied to a running
 * server (API_URL, default http://127.0.0.1:3000); `npm run build -w apps/web` writes apps/web/dist,
 * which the server serves with a fallback to index.html for client-side routes.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    proxy: { '/api': { target: apiUrl, changeOrigin: false }, '/healthz': apiUrl },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 800 },
});
