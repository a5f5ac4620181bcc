import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

// The admin API serves dist/ under a strict CSP (script-src 'self'; style-src 'self'): no inline code.
export default defineConfig({
  plugins: [solid()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    cssCodeSplit: false,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8788' } },
});
