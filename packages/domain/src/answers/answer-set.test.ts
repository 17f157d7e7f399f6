import { describe, expect, it } from "vitest";
import { z } from "zod";
import { InvalidInputError } from "../errors";
import { INSTRUMENT_V1 } from "../instrument";
import { answerDraftSchema, answerSetSchema, toAnswerRecord } from "./answer-set";
import { COMMENT_MAX_LENGTH } from "./comment";
import { parseInput, zodErrorToFields } from "./zod-error";

const ids = INSTRUMENT_V1.dimensions.flatMap((dimension) => dimension.items.map((item) => item.id));
const complete = ids.map((itemId, index) => ({ itemId, score: index % 6 === 5 ? null : (index % 5) + 1 }));
const submit = answerSetSchema(INSTRUMENT_V1);
const draft = answerDraftSchema(INSTRUMENT_V1);

function problems(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected a failure");
  return zodErrorToFields(result.error);
}

describe("answer set: submit", () => {
  it("accepts every behaviour answered once, with 'not observed' as null", () => {
    const parsed = submit.parse({ answers: complete });
    expect(parsed.answers).toHaveLength(20);
    expect(parsed.comments).toEqual([]);
    expect(toAnswerRecord(parsed.answers)).toMatchObject({ "inspire.1": 1, "vision.2": null });
  });

  it("says how many are missing in which dimension", () => {
    const answers = complete.filter(
      (answer) => !["risk.1", "risk.3", "risk.4", "vision.2"].includes(answer.itemId),
    );
    expect(problems(submit, { answers })).toEqual({
      message:
        "Rate every behaviour or mark it not observed: 1 missing in Set the vision, 3 missing in Take risks",
      fields: {
        answers:
          "Rate every behaviour or mark it not observed: 1 missing in Set the vision, 3 missing in Take risks",
      },
    });
  });

  it("rejects unknown and repeated behaviours", () => {
    const result = problems(submit, {
      answers: [...complete, { itemId: "risk.9", score: 3 }, { itemId: "dream.1", score: 2 }],
    });
    expect(result.fields).toEqual({
      "answers.20.itemId": '"risk.9" is not a behaviour of this questionnaire: reload the form and try again',
      "answers.21.itemId": '"dream.1" is answered twice: keep one answer per behaviour',
    });
    expect(result.message).toBe(
      '"risk.9" is not a behaviour of this questionnaire: reload the form and try again (and 1 more problem)',
    );
  });

  it.each([0, 6, 2.5, "3", undefined])("rejects the score %s", (score) => {
    const answers = complete.map((answer, index) => (index === 0 ? { ...answer, score } : answer));
    expect(problems(submit, { answers }).fields["answers.0.score"]).toBe(
      "Choose a score from 1 (rarely) to 5 (almost always), or mark it not observed",
    );
  });

  it("rejects a payload that is not a list of answers", () => {
    expect(problems(submit, { answers: "all fives" }).fields.answers).toBe("Send the answers as a list");
    expect(problems(submit, { answers: [{ score: 3 }] }).fields["answers.0.itemId"]).toBe(
      "Each answer needs the behaviour it rates",
    );
  });
});

describe("answer set: draft", () => {
  it("accepts a partial set but still no unknown or repeated behaviours", () => {
    expect(draft.parse({ answers: complete.slice(0, 3) }).answers).toHaveLength(3);
    expect(draft.safeParse({ answers: [complete[0], complete[0]] }).success).toBe(false);
    expect(draft.parse({ answers: [] }).answers).toEqual([]);
  });
});

describe("comments", () => {
  const withComments = (comments: unknown) => ({ answers: complete, comments });

  it("trims, keeps newlines and tabs, and drops empty comments", () => {
    const parsed = submit.parse(
      withComments([
        { dimension: "risk", text: "  Bold calls.\r\n\tOften right.  " },
        { dimension: "dream", text: "   \n " },
      ]),
    );
    expect(parsed.comments).toEqual([{ dimension: "risk", text: "Bold calls.\n\tOften right." }]);
  });

  it("refuses control characters, over-long text, unknown dimensions and two comments on one dimension", () => {
    expect(problems(submit, withComments([{ dimension: "risk", text: "hidden\u0007bell" }])).fields).toEqual({
      "comments.0.text": "Remove the invisible control characters from this comment",
    });
    const long = "é".repeat(COMMENT_MAX_LENGTH + 1);
    expect(
      problems(submit, withComments([{ dimension: "risk", text: long }])).fields["comments.0.text"],
    ).toBe("Keep comments to 2,000 characters: this one has 2,001");
    expect(
      submit.safeParse(withComments([{ dimension: "risk", text: "😀".repeat(COMMENT_MAX_LENGTH) }])).success,
    ).toBe(false);
    expect(
      submit.safeParse(withComments([{ dimension: "risk", text: "€".repeat(COMMENT_MAX_LENGTH) }])).success,
    ).toBe(true);
    expect(
      problems(submit, withComments([{ dimension: "charisma", text: "x" }])).fields["comments.0.dimension"],
    ).toBe("Choose one of the five dimensions for this comment");
    expect(
      problems(
        submit,
        withComments([
          { dimension: "risk", text: "a" },
          { dimension: "risk", text: "b" },
        ]),
      ).fields["comments.1.dimension"],
    ).toBe("Write one comment per dimension: merge the two comments into one");
    expect(problems(submit, withComments([{ dimension: "risk", text: 42 }])).fields["comments.0.text"]).toBe(
      "Write the comment as text",
    );
  });
});

describe("parseInput", () => {
  it("returns parsed data or throws InvalidInputError with fields", () => {
    expect(parseInput(z.object({ n: z.number() }), { n: 1 })).toEqual({ n: 1 });
    try {
      parseInput(submit, { answers: [] });
      throw new Error("expected a failure");
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).fields?.answers).toContain("4 missing in Inspire & motivate");
    }
  });

  it("keys root problems as _", () => {
    expect(problems(z.string(), 3).fields).toEqual({ _: expect.any(String) });
  });
});
