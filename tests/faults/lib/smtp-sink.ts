// A local SMTP server that takes every mail (after a small delay, so sends are in flight when a
// worker is killed) and records its Message-ID: how many mails arrived, and how many twice.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface SmtpSink {
  url: string;
  /** Message-ID → times received. */
  received: Map<string, number>;
  /**
   * Connection errors the sink saw (a worker killed mid-send resets its connection). smtp-server
   * emits them as "error" events, which would crash the test process if nothing listened.
   */
  connectionErrors: string[];
  total(): number;
  duplicates(): number;
  close(): Promise<void>;
}

export async function startSmtpSink(options: { delayMs?: number } = {}): Promise<SmtpSink> {
  const received = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    // The workers open many connections at once while a run sends its mail.
    maxClients: 200,
    onData(stream, _session, callback) {
      let head = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => {
        if (head.length < 8_192) head += chunk;
      });
      stream.on("end", () => {
        const id = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? "(none)";
        setTimeout(() => {
          received.set(id, (received.get(id) ?? 0) + 1);
          callback();
        }, options.delayMs ?? 0);
      });
    },
  });
  const connectionErrors: string[] = [];
  server.on("error", (error: NodeJS.ErrnoException) => connectionErrors.push(error.code ?? error.message));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    connectionErrors,
    total: () => [...received.values()].reduce((a, b) => a + b, 0),
    duplicates: () => [...received.values()].reduce((a, b) => a + Math.max(0, b - 1), 0),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
