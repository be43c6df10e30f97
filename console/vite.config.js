import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// Every text staff read lives in the templates module (zh-CN); the console imports it from there at build time.
const texts = fileURLToPath(new URL('../templates/src/main/resources/kehou/templates/zh-CN', import.meta.url))

export default defineConfig({
  // The admin API serves the build at /console/ (from the kehou-console jar's static/console/).
  base: '/console/',
  plugins: [vue()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      '@texts': texts,
    },
  },
  build: {
    // Straight into the jar's resources: Maven packages target/classes as it is.
    outDir: 'target/classes/static/console',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    fs: { allow: ['.', texts] },
    // `npm run dev` against a running admin API (KEHOU_API_PORT, 8082 by default).
    proxy: { '/api': `http://127.0.0.1:${process.env.KEHOU_API_PORT || 8082}` },
  },
})
