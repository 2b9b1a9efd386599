import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web app is built into dist/web and served by the API server (one origin, one port).
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: { outDir: '../../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
