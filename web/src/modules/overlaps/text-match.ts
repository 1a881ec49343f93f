/**
 * Which words two offering texts share, for highlighting in the comparison. Mirrors the spirit of the
 * server's German text similarity (case and umlaut folding, stop words dropped, a crude stem), but it
 * only decides what to mark; the score itself comes from the API.
 */
const STOP = new Set(
  "und oder der die das den dem des ein eine einer eines einem einen für mit von zu zum zur im in am an auf aus bei nach über unter vor wie als auch sich sie er es wir ihr ist sind wird werden wer was wo nicht kein keine so nur noch mehr sehr alle jeden jede jeder ab bis um durch gegen ohne".split(" "),
);

export function normalizeWord(word: string): string {
  const folded = word
    .toLowerCase()
    .replace(/ä/g, "a")
    .replace(/ö/g, "o")
    .replace(/ü/g, "u")
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]/g, "");
  return folded.replace(/(innen|ern|en|er|es|e|n|s)$/, "");
}

function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2 && !STOP.has(w.toLowerCase()));
}

export function sharedStems(a: string, b: string): Set<string> {
  const stemsA = new Set(words(a).map(normalizeWord).filter((s) => s.length > 2));
  return new Set(words(b).map(normalizeWord).filter((s) => stemsA.has(s)));
}

/** Splits a text into runs, marking the words whose stem is shared. */
export function markShared(text: string, shared: Set<string>): { text: string; shared: boolean }[] {
  return text.split(/([^\p{L}\p{N}]+)/u).map((part) => ({ text: part, shared: part.length > 2 && shared.has(normalizeWord(part)) }));
}
