/**
 * Thai text helpers for search. Thai is written without spaces between words, and PostgreSQL has no
 * Thai parser, so text is split into words here with ICU's dictionary-based segmenter
 * (Intl.Segmenter, the same data in Node and Chromium) before it is indexed or queried.
 */

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

/** Splits text into word-like segments: "ภาษีเงินได้" → ["ภาษี", "เงิน", "ได้"]. */
export function segmentWords(text: string): string[] {
  const words: string[] = [];
  for (const part of segmenter.segment(text)) if (part.isWordLike) words.push(part.segment);
  return words;
}

/**
 * Normalises a name for matching: NFC, lower case, Thai digits to ASCII, spaces collapsed, and
 * zero-width characters removed.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/[๐-๙]/g, (d) => String('๐๑๒๓๔๕๖๗๘๙'.indexOf(d)))
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Text prepared for a `to_tsvector('simple', …)` index: normalised, then word-segmented. */
export function toSearchDocument(...parts: Array<string | null | undefined>): string {
  return segmentWords(normalizeText(parts.filter(Boolean).join(' '))).join(' ');
}
