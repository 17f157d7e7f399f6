// The sink stands in for a mail server while workers are killed mid-send. A connection reset by a
// dying worker must be recorded, not thrown: smtp-server emits it as an "error" event, and an event
// nobody listens to crashed the test process after every scenario had passed (CI, stop 22).
import { connect } from "node:net";
import { expect, it } from "vitest";
import { startSmtpSink } from "./lib/smtp-sink";

it("a sender killed in the middle of a mail resets its connection without crashing the sink", async () => {
  const sink = await startSmtpSink({ delayMs: 100 });
  const port = Number(new URL(sink.url).port);
  const lines = ["EHLO killed.test", "MAIL FROM:<a@killed.test>", "RCPT TO:<b@killed.test>", "DATA"];
  await new Promise<void>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.on("error", () => {});
    socket.on("close", () => resolve());
    let replies = 0;
    socket.on("data", () => {
      const next = lines[replies++];
      if (next) socket.write(`${next}\r\n`);
      else {
        socket.write("Message-ID: <cut@killed.test>\r\n\r\nhalf a mail\r\n.\r\n");
        // The sink answers after its delay, to a socket that is gone: the kill -9 case.
        setTimeout(() => socket.resetAndDestroy(), 20);
      }
    });
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(sink.connectionErrors).toContain("ECONNRESET");
  await sink.close();
});
