// The server's and the domain's English sentences reach a German page in German: an error's message
// (errorMessage), its field messages (fieldMessages) and a form's zod messages (schemaResolver), with
// the catalogues loaded as the app loads them (i18n/index.ts).
import type { AppRouter } from "@fivefold/api";
import { organisationSettingsSchema, parseInput, thankYouTextSchema } from "@fivefold/domain";
import { TRPCClientError } from "@trpc/client";
import i18next from "i18next";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { z } from "zod";
import { switchLanguage } from "../i18n";
import { schemaResolver } from "./form";
import { errorMessage, fieldMessages } from "./labels";

const SETTINGS = {
  anonymityThreshold: 2,
  commentThreshold: 5,
  showManagerApart: true,
  adminsReadReports: false,
  reminderDays: 3,
  externalRaterDomains: [],
  historyWindowDays: 90,
  reportMode: "scores",
  language: "de",
};

/** The domain's refusal as the API sends it, and as the web's tRPC link hands it to a page. */
function refusedByServer(input: unknown): TRPCClientError<AppRouter> {
  try {
    parseInput(organisationSettingsSchema, input);
  } catch (error) {
    const { message, fields } = error as Error & { fields: Record<string, string> };
    const data = {
      code: "BAD_REQUEST" as const,
      httpStatus: 400,
      path: "settings.update",
      stack: undefined,
      fields,
    };
    return new TRPCClientError<AppRouter>(message, { result: { error: { message, code: -32600, data } } });
  }
  throw new Error("the settings were accepted");
}

beforeAll(async () => {
  // switchLanguage marks the page's language on <html>; the tests run without a page.
  globalThis.document = { documentElement: { lang: "" } } as unknown as Document;
  await i18next.init({ lng: "en", resources: {}, partialBundledLanguages: true, fallbackLng: false });
});
afterAll(() => {
  Reflect.deleteProperty(globalThis, "document");
});

describe("on a German page", () => {
  beforeAll(() => switchLanguage("de"));

  test("an error from the server is shown in German, its count of further problems too", () => {
    const error = refusedByServer(SETTINGS);
    expect(error.message).toBe("The anonymity threshold is at least 3");
    expect(errorMessage(error)).toBe("Die Anonymitätsschwelle ist mindestens 3");
    const two = refusedByServer({ ...SETTINGS, reminderDays: -1 });
    expect(errorMessage(two)).toBe("Die Anonymitätsschwelle ist mindestens 3 (und 1 weiteres Problem)");
  });

  test("the server's message per field is shown in German", () => {
    expect(fieldMessages(refusedByServer({ ...SETTINGS, reminderDays: -1 }))).toEqual({
      anonymityThreshold: "Die Anonymitätsschwelle ist mindestens 3",
      reminderDays: "Erinnerungstage sind 0 (keine Erinnerung) oder mehr",
    });
  });

  test("a form checked in the browser with the domain's schema says what is wrong in German", () => {
    const validate = schemaResolver<typeof SETTINGS>(organisationSettingsSchema);
    expect(validate({ ...SETTINGS, historyWindowDays: 1000 })).toEqual({
      anonymityThreshold: "Die Anonymitätsschwelle ist mindestens 3",
      historyWindowDays: "Der Vergleichszeitraum beträgt höchstens 730 Tage",
    });
    const thanks = schemaResolver<{ text: string }>(z.object({ text: thankYouTextSchema }));
    expect(thanks({ text: "Hi" })).toEqual({ text: "Schreiben Sie mindestens 20 Zeichen" });
  });

  test("a sentence no catalogue knows is shown as it came, and a non-error says so in German", () => {
    expect(errorMessage(new Error("Failed to fetch"))).toBe("Failed to fetch");
    expect(errorMessage("nothing")).toBe(i18next.t("common:error.generic"));
    expect(i18next.t("common:error.generic")).not.toMatch(/something/i);
  });
});

describe("on an English page", () => {
  beforeAll(() => switchLanguage("en"));

  test("the server's sentences are shown as they came", () => {
    const error = refusedByServer(SETTINGS);
    expect(errorMessage(error)).toBe("The anonymity threshold is at least 3");
    expect(fieldMessages(error)).toEqual({ anonymityThreshold: "The anonymity threshold is at least 3" });
  });
});
