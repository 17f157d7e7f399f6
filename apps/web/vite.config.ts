import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const api = process.env.API_URL ?? "http://localhost:3000";

export default defineConfig({
  plugins: [react()],
  server: { proxy: { "/trpc": api, "/api": api } },
  build: { sourcemap: true, chunkSizeWarningLimit: 900 },
});
