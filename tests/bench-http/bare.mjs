// The bare comparison server of `pnpm bench:http`: plain node:http answering each recorded request
// (method, URL and If-None-Match) with the bytes the real server sent for it: the same status, the headers that
// matter and the body. It reads the recordings from the JSON file named on its command line and
// prints "listening <port>" once it listens on the loopback.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const fixtures = new Map();
for (const f of JSON.parse(readFileSync(process.argv[2], "utf8"))) {
  fixtures.set(`${f.method} ${f.url} ${f.ifNoneMatch ?? ""}`, {
    status: f.status,
    headers: f.headers,
    body: Buffer.from(f.body, "base64"),
  });
}

const server = createServer((req, res) => {
  const answer = fixtures.get(`${req.method} ${req.url} ${req.headers["if-none-match"] ?? ""}`);
  // Read the request body to its end, as the real server does, before answering.
  req.resume();
  req.on("end", () => {
    if (!answer) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not recorded");
      return;
    }
    res.writeHead(answer.status, { ...answer.headers, "content-length": answer.body.length });
    res.end(answer.body);
  });
});
server.keepAliveTimeout = 72_000;
server.listen(0, "127.0.0.1", () => {
  console.log(`listening ${server.address().port}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
