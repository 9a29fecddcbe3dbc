// devstack gives this service API_URL (ports.yaml: `API_URL: ${api.url}`), the Flask API's
// address on the port devstack chose for it.
import { defineConfig } from "vite";

export default defineConfig({
  server: {
    proxy: {
      "/api": process.env.API_URL,
    },
  },
});
