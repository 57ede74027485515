// Serves the built app (`next build` first): Next.js's own request handler behind a plain Node HTTP
// server, which tells the app the address each connection really comes from (x-medthreat-peer,
// overwritten on every request so a client cannot set it). The sign-in limit counts per client with
// it; X-Forwarded-For is believed only from the proxies in MEDTHREAT_TRUSTED_PROXIES.
import { createServer } from "node:http";
import next from "next";

const port = Number(process.env.PORT ?? 3000);
const app = next({ dev: false, hostname: "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  request.headers["x-medthreat-peer"] = request.socket.remoteAddress ?? "";
  void handle(request, response);
});
server.listen(port, process.env.HOST, () => console.log(`medthreat is ready on http://localhost:${port}`));

for (const signal of ["SIGINT", "SIGTERM"])
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  });
