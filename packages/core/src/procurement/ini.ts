/**
 * A small INI reader for Cardinal-style settings files.
 *
 * - `key = value` pairs; keys before the first `[section]` belong to the root section `""`.
 * - Section names may be dotted (`[R003.procurement_method_details]`); they are kept as written.
 * - Whole-line comments start with `;` or `#`; an inline comment must be preceded by whitespace
 *   (`percentile = 75 # default`).
 * - Values are trimmed; a value wrapped in double or single quotes is unquoted.
 * - Keys keep their case (codelist mappings such as `Active = active` depend on it).
 */

/** Parsed INI: section name → (key → raw string value), both in file order. */
export type Ini = Map<string, Map<string, string>>;

/** An error in a settings file, with its 1-based line number. */
export class IniError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
  }
}

function stripInlineComment(value: string): string {
  const match = /\s[;#]/.exec(value);
  return match ? value.slice(0, match.index) : value;
}

/** Parses INI text. Throws {@link IniError} on a line that is neither a section, a pair nor a comment. */
export function parseIni(text: string): Ini {
  const ini: Ini = new Map([['', new Map()]]);
  let section = ini.get('')!;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith(';') || line.startsWith('#')) return;
    if (line.startsWith('[')) {
      const end = line.indexOf(']');
      if (end < 0) throw new IniError(`unterminated section header ${JSON.stringify(line)}`, index + 1);
      const name = line.slice(1, end).trim();
      section = ini.get(name) ?? new Map();
      ini.set(name, section);
      return;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) throw new IniError(`expected "key = value", got ${JSON.stringify(line)}`, index + 1);
    const key = line.slice(0, eq).trim();
    let value = stripInlineComment(line.slice(eq + 1)).trim();
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0]!)) {
      value = value.slice(1, -1);
    }
    section.set(key, value);
  });
  return ini;
}
