// Settings that cannot work are refused before anything starts, with a sentence saying what to do;
// the rest get their documented defaults. And the supervisor's restart pauses never make a tight loop.
import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { ConfigError, readEnv } from "./env";
import { crashesAfter, restartPauseMs } from "./restarts";

const SECRET = "s".repeat(44);
const postgres = {
  DATABASE_URL: "postgres://fivefold@db.example.com:5432/fivefold",
  BETTER_AUTH_SECRET: SECRET,
  SEALING_SECRET: SECRET,
};

describe("readEnv", () => {
  it("refuses Postgres without the shared secrets, saying how to make them", () => {
    expect(() => readEnv([], { DATABASE_URL: postgres.DATABASE_URL })).toThrow(ConfigError);
    expect(() => readEnv([], { DATABASE_URL: postgres.DATABASE_URL })).toThrow(
      /BETTER_AUTH_SECRET and SEALING_SECRET must be set.*openssl rand -base64 32/,
    );
    expect(() => readEnv([], { ...postgres, SEALING_SECRET: "" })).toThrow(
      /^On Postgres, SEALING_SECRET must be set/,
    );
    expect(() => readEnv([], { ...postgres, BETTER_AUTH_SECRET: undefined })).toThrow(
      /^On Postgres, BETTER_AUTH_SECRET must be set/,
    );
    expect(() => readEnv([], { ...postgres, SEALING_SECRET: "short" })).toThrow(
      /SEALING_SECRET is too short/,
    );
  });

  it("lets the embedded database keep its secrets in .data/ and run one worker only", () => {
    const env = readEnv([], {});
    expect(env).toMatchObject({
      driver: "pglite",
      workers: 1,
      authSecret: undefined,
      sealingSecret: undefined,
      demo: true,
    });
    expect(() => readEnv([], { WORKERS: "2" })).toThrow(
      /WORKERS=2: the embedded database \(PGlite\).*one worker only/,
    );
    expect(() => readEnv([], { WORKERS: "2", DATABASE_URL: "pglite://memory" })).toThrow(ConfigError);
  });

  it("runs a worker per core on Postgres, with a pool and a statement timeout per worker", () => {
    expect(readEnv([], postgres)).toMatchObject({
      driver: "postgres",
      workers: availableParallelism(),
      poolSize: 10,
      statementTimeoutMs: 15_000,
      smtpTimeoutMs: 15_000,
      demo: false,
    });
    expect(
      readEnv(["--demo"], {
        ...postgres,
        WORKERS: "3",
        DATABASE_POOL_SIZE: "4",
        DATABASE_STATEMENT_TIMEOUT_MS: "0",
        SMTP_TIMEOUT_MS: "500",
      }),
    ).toMatchObject({ workers: 3, poolSize: 4, statementTimeoutMs: 0, smtpTimeoutMs: 500, demo: true });
  });

  it("refuses numbers that are not, naming the variable", () => {
    for (const [name, value] of [
      ["WORKERS", "0"],
      ["WORKERS", "two"],
      ["DATABASE_POOL_SIZE", "1.5"],
      ["DATABASE_STATEMENT_TIMEOUT_MS", "-1"],
      ["PORT", "70000"],
    ] as const) {
      expect(() => readEnv([], { ...postgres, [name]: value })).toThrow(
        new RegExp(`^${name} must be a whole number`),
      );
    }
    expect(() => readEnv([], { DATABASE_URL: "mysql://x" })).toThrow(ConfigError);
  });

  it("trusts no proxy unless TRUST_PROXY names hops or addresses, and never every hop (PUBLIC_URL alone trusts none)", () => {
    expect(readEnv([], { PUBLIC_URL: "https://fivefold.example" }).trustProxy).toBe(false);
    expect(readEnv([], { TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(readEnv([], { TRUST_PROXY: "10.0.0.5, 10.1.0.0/16,fd00::/8,loopback" }).trustProxy).toEqual([
      "10.0.0.5",
      "10.1.0.0/16",
      "fd00::/8",
      "loopback",
    ]);
    for (const value of ["true", "*"]) {
      expect(() => readEnv([], { TRUST_PROXY: value })).toThrow(/would trust every hop/);
    }
    for (const value of ["proxy.internal", "10.0.0.0/33", "10.0.0.1/8/1", "11"]) {
      expect(() => readEnv([], { TRUST_PROXY: value })).toThrow(/^TRUST_PROXY/);
    }
    expect(readEnv([], {})).toMatchObject({
      signInRateLimit: 10,
      signInAccountRateLimit: 10,
      passwordMailRateLimit: 3,
      linkRateLimit: 60,
      apiRateLimit: 600,
    });
  });
});

describe("SLACK_API_URL", () => {
  it("is Slack itself unless set, and must be an http(s) address", () => {
    expect(readEnv([], {}).slackApiUrl).toBe("https://slack.com/api/");
    expect(readEnv([], { SLACK_API_URL: "http://127.0.0.1:4010/api" }).slackApiUrl).toBe(
      "http://127.0.0.1:4010/api/",
    );
    expect(() => readEnv([], { SLACK_API_URL: "file:///etc/passwd" })).toThrow(/SLACK_API_URL/);
    expect(() => readEnv([], { SLACK_API_URL: "not a url" })).toThrow(/SLACK_API_URL/);
  });
});

describe("FIVEFOLD_TEST_CLOCK", () => {
  const e2e = { FIVEFOLD_TEST_CLOCK: "1", HOST: "127.0.0.1", DATABASE_URL: "pglite://memory" };
  it("is off unless set, and on only for a loopback server over an in-memory database", () => {
    expect(readEnv([], {}).testClock).toBe(false);
    expect(readEnv([], { ...e2e, FIVEFOLD_TEST_CLOCK: "" }).testClock).toBe(false);
    expect(readEnv([], e2e).testClock).toBe(true);
    expect(readEnv([], { ...e2e, NODE_ENV: "production" }).testClock).toBe(true);
  });

  it("is refused wherever real data or other people could be (the attack of a moved calendar releasing a real cycle)", () => {
    expect(() => readEnv([], { ...e2e, HOST: undefined })).toThrow(/HOST=127.0.0.1/);
    expect(() => readEnv([], { ...e2e, HOST: "0.0.0.0" })).toThrow(ConfigError);
    expect(() => readEnv([], { ...e2e, DATABASE_URL: undefined })).toThrow(/pglite:\/\/memory/);
    expect(() => readEnv([], { ...e2e, DATABASE_URL: "pglite://.data/pglite" })).toThrow(ConfigError);
    expect(() => readEnv([], { ...e2e, ...postgres })).toThrow(/end-to-end tests only/);
    expect(() => readEnv([], { ...e2e, FIVEFOLD_TEST_CLOCK: "true" })).toThrow(/must be 1 or unset/);
  });
});

describe("restart pauses", () => {
  it("double from 1 s to at most 30 s while a worker keeps dying young, and start over after it lived", () => {
    let crashes = 0;
    const pauses: number[] = [];
    for (let i = 0; i < 7; i++) {
      crashes = crashesAfter(crashes, 2_000);
      pauses.push(restartPauseMs(crashes));
    }
    expect(pauses).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect(restartPauseMs(crashesAfter(crashes, 60_000))).toBe(1_000);
  });
});
