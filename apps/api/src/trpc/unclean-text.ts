// The refusal of text that no field accepts (trpc/init.ts, `cleanInput`): a sentence for the call
// and one for the field, each case written whole so that every language can word it (the web
// translates them through its catalogues; `forPeople` marks them for its test).
import { forPeople, MAX_INPUT_DEPTH, MAX_TEXT_LENGTH, type TextProblem } from "@fivefold/domain";

const MAX = MAX_TEXT_LENGTH.toLocaleString("en-GB");

/** "This …": said beside the field. */
function ofField({ kind, inKey }: TextProblem): string {
  if (inKey && kind === "nul") return forPeople("This has a key that contains a NUL character");
  if (inKey && kind === "broken") {
    return forPeople("This has a key that contains a broken character (an unpaired UTF-16 surrogate)");
  }
  if (inKey && kind === "too_long") return forPeople(`This has a key longer than ${MAX} characters`);
  if (kind === "nul") return forPeople("This contains a NUL character");
  if (kind === "broken") return forPeople("This contains a broken character (an unpaired UTF-16 surrogate)");
  if (kind === "too_long") return forPeople(`This is longer than ${MAX} characters`);
  return forPeople(`This nests deeper than ${MAX_INPUT_DEPTH} levels`);
}

/** The call's sentence, naming the field by its path. */
function ofCall({ path, kind, inKey }: TextProblem): string {
  if (!path && kind === "nul") return forPeople("The input contains a NUL character");
  if (!path && kind === "broken") {
    return forPeople("The input contains a broken character (an unpaired UTF-16 surrogate)");
  }
  if (!path) return forPeople(`The input is longer than ${MAX} characters`);
  if (inKey && kind === "nul") return forPeople(`The field ${path} has a key that contains a NUL character`);
  if (inKey && kind === "broken") {
    return forPeople(
      `The field ${path} has a key that contains a broken character (an unpaired UTF-16 surrogate)`,
    );
  }
  if (inKey && kind === "too_long") {
    return forPeople(`The field ${path} has a key longer than ${MAX} characters`);
  }
  if (kind === "nul") return forPeople(`The field ${path} contains a NUL character`);
  if (kind === "broken") {
    return forPeople(`The field ${path} contains a broken character (an unpaired UTF-16 surrogate)`);
  }
  if (kind === "too_long") return forPeople(`The field ${path} is longer than ${MAX} characters`);
  return forPeople(`The field ${path} nests deeper than ${MAX_INPUT_DEPTH} levels`);
}

/** The field a problem is shown beside (the input itself when it is one string) and the sentences. */
export function uncleanTextRefusal(problem: TextProblem): {
  field: string;
  message: string;
  fieldMessage: string;
} {
  return { field: problem.path || "input", message: ofCall(problem), fieldMessage: ofField(problem) };
}
