import { defineConfig } from "@playwright/test";
import { ADMIN_STATE } from "./tests/e2e/fixtures/admin";

const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [["list"], ["json", { outputFile: "tests/.results/e2e.json" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
    acceptDownloads: true,
    trace: "retain-on-failure",
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "app", dependencies: ["setup"], use: { storageState: ADMIN_STATE } },
  ],
  webServer: {
    command: `rm -rf data/e2e && DATABASE_URL=file:./data/e2e/medthreat.db PORT=${PORT} npm start`,
    url: `http://localhost:${PORT}/api/projects`,
    timeout: 60_000,
    reuseExistingServer: false,
    env: { NEXT_TELEMETRY_DISABLED: "1" },
  },
});
