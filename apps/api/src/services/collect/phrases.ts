// Key phrases of a comment, for its report's themes (issue 19): a library call, run in this process
// with the English model shipped inside its npm package. Nothing is sent anywhere and no text is
// generated: only runs of adjectives and nouns the rater wrote, each with its lemmas as the key.
// Which phrases become themes is the domain's (`decideThemes`), not this file's.
import type { Phrase, PhraseExtractor } from "@fivefold/domain";
import model from "wink-eng-lite-web-model";
import winkNLP, { type ItemToken } from "wink-nlp";

/** Nouns too general to be a theme on their own ("a lot", "the team", "every time"). */
const GENERAL = new Set(
  "thing things lot lots way ways time times people person team teams bit kind sort something anything everything nothing one ones day days week weeks year years part job work".split(
    " ",
  ),
);
const LONGEST = 3;

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;
/** The model is loaded on first use (a few MB), once per process. */
const load = (): Nlp => {
  nlp ??= winkNLP(model);
  return nlp;
};

interface Word {
  text: string;
  lemma: string;
  pos: string;
  stop: boolean;
  /** Whether whitespace comes before it (a hyphen with none either side joins two words). */
  spaced: boolean;
}

/** "long-term", "one-to-one": the tokeniser splits at hyphens; a phrase keeps them as one word. */
function joinHyphens(words: readonly Word[]): Word[] {
  const joined: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as Word;
    const previous = joined.at(-1);
    const next = words[i + 1];
    if (word.text === "-" && !word.spaced && previous && next && !next.spaced && /\p{L}/u.test(next.text)) {
      joined[joined.length - 1] = {
        text: `${previous.text}-${next.text}`,
        lemma: `${previous.text}-${next.lemma}`,
        pos: next.pos === "VERB" ? "ADJ" : next.pos,
        stop: false,
        spaced: previous.spaced,
      };
      i++;
    } else joined.push(word);
  }
  return joined;
}

function wordsOf(text: string): Word[] {
  const { its, readDoc } = load();
  const words: Word[] = [];
  readDoc(text)
    .tokens()
    .each((token: ItemToken) => {
      words.push({
        text: String(token.out()).toLowerCase(),
        // The model's typings describe its.lemma as an addon function; at run time it is an `its`.
        lemma: String(token.out(its.lemma as unknown as typeof its.value)).toLowerCase(),
        pos: String(token.out(its.pos)),
        stop: Boolean(token.out(its.stopWordFlag)),
        spaced: Number(token.out(its.precedingSpaces as unknown as typeof its.value).length) > 0,
      });
    });
  return joinHyphens(words);
}

/**
 * English only for now (the shipped model is English): a comment of five words or more with almost
 * no English function words is taken for another language and read for no themes.
 */
function looksEnglish(words: readonly Word[]): boolean {
  const real = words.filter((w) => /\p{L}/u.test(w.text));
  if (real.length < 5) return true;
  return real.filter((w) => w.stop).length / real.length >= 0.15;
}

const phraseOf = (run: readonly Word[]): Phrase => ({
  key: run.map((w) => w.lemma).join(" "),
  text: run.map((w) => w.text).join(" "),
});

/** A run of adjectives and nouns ending in a common noun: the phrase (up to three words) and its head. */
function phrasesOfRun(run: readonly Word[]): Phrase[] {
  const head = run.at(-1);
  if (head?.pos !== "NOUN") return [];
  const phrases: Phrase[] = [];
  const tail = run.slice(-LONGEST);
  if (tail.length > 1) phrases.push(phraseOf(tail));
  if (!GENERAL.has(head.lemma)) phrases.push(phraseOf([head]));
  return phrases;
}

const inRun = (w: Word) =>
  (w.pos === "NOUN" || w.pos === "ADJ" || w.pos === "PROPN") && !w.stop && /^\p{L}[\p{L}'-]+$/u.test(w.text);

export const commentPhrases: PhraseExtractor = (text) => {
  const words = wordsOf(text);
  if (!looksEnglish(words)) return [];
  const phrases: Phrase[] = [];
  let run: Word[] = [];
  for (const word of [...words, undefined]) {
    if (word && inRun(word)) {
      run.push(word);
      continue;
    }
    // The run ends: trim it back to its last noun, then read it.
    while (run.length > 0 && run.at(-1)?.pos !== "NOUN") run.pop();
    phrases.push(...phrasesOfRun(run));
    run = [];
  }
  return phrases;
};
