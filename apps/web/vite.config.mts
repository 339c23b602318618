import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const fromHere = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * Where `/api` goes during development and `vite preview` (the built app expects the API on its own origin).
 * `NIANBAO_API_PROXY` points it elsewhere, e.g. at an API started by a browser test on another port.
 */
const apiTarget = process.env.NIANBAO_API_PROXY ?? 'http://127.0.0.1:3000';
const apiProxy = { '/api': { target: apiTarget, changeOrigin: false } };

export default defineConfig({
  root: fromHere('.'),
  plugins: [vue()],
  resolve: {
    alias: {
      '@nianbao/api-contract': fromHere('../../libs/api-contract/src/index.ts'),
      '@nianbao/report-format': fromHere('../../libs/report-format/src/index.ts'),
      '@nianbao/report-charts': fromHere('../../libs/report-charts/src/index.ts'),
    },
  },
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true, proxy: apiProxy },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, proxy: apiProxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // The dashboard chunk carries the tree-shaken ECharts core, bar chart and components (about 530 kB, 180 kB
    // gzipped); it is loaded only on that route.
    chunkSizeWarningLimit: 600,
  },
});
