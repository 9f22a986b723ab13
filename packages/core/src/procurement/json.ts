/**
 * A strict JSON reader and writer that behave like Rust's `serde_json` with `preserve_order`, which
 * is what Cardinal uses: objects keep their key order (a repeated key keeps its first position and
 * its last value), invalid UTF-8, raw control characters, lone surrogate escapes, numbers that
 * overflow a 64-bit float and nesting deeper than 127 are all errors, and floats are written the
 * way Rust writes an `f64` (`1.0`, `0.16666666666666666`, `1e20`, `1e-7`).
 *
 * Only `prepare` and `coverage` need the whole tree; the red-flag engine uses the faster
 * field scanner in `scan.ts`.
 */

/** A JSON object whose key order is kept. */
export type JsonObject = Map<string, JsonValue>;
/** A JSON number: the value plus whether the text was an integer (so `1` and `1.0` round-trip). */
export interface JsonNumber {
  readonly kind: 'number';
  readonly value: number;
  /** The integer text, when the literal was an integer that fits a 64-bit integer. */
  readonly integer?: string;
}
/** Any JSON value. Objects are `Map`s, arrays are arrays, numbers are {@link JsonNumber}. */
export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | JsonObject;

/** Maximum nesting of arrays/objects (serde_json's recursion limit of 128 allows 127 levels). */
export const MAX_DEPTH = 127;

const U64_MAX = 18446744073709551615n;
const I64_MIN = -9223372036854775808n;

/** Makes a JSON number from a JS number (integers are written without a fraction). */
export function jsonNumber(value: number, integer = Number.isSafeInteger(value)): JsonNumber {
  return integer ? { kind: 'number', value, integer: String(value) } : { kind: 'number', value };
}

/** True if the value is a {@link JsonNumber}. */
export function isJsonNumber(value: JsonValue | undefined): value is JsonNumber {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map);
}

/**
 * Formats a float as Rust's `f64` Display via ryu does in serde_json: shortest round-trip digits,
 * always with a `.0` for whole numbers, scientific notation (`1e21`, `1.5e-7`) outside 1e-5..1e16.
 */
export function formatF64(value: number): string {
  if (!Number.isFinite(value)) return 'null';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const sign = value < 0 ? '-' : '';
  const [mantissa, exp] = Math.abs(value).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const length = digits.length;
  const kk = Number(exp) + 1; // 10^(kk-1) <= v < 10^kk
  let out: string;
  if (kk >= length && kk <= 16) {
    out = `${digits}${'0'.repeat(kk - length)}.0`;
  } else if (kk > 0 && kk <= 16) {
    out = `${digits.slice(0, kk)}.${digits.slice(kk)}`;
  } else if (kk > -5 && kk <= 0) {
    out = `0.${'0'.repeat(-kk)}${digits}`;
  } else if (length === 1) {
    out = `${digits}e${kk - 1}`;
  } else {
    out = `${digits[0]}.${digits.slice(1)}e${kk - 1}`;
  }
  return sign + out;
}

/** Writes a JSON number the way serde_json does (integers as integers, floats via {@link formatF64}). */
export function formatNumber(n: JsonNumber): string {
  return n.integer ?? formatF64(n.value);
}

class JsonError extends Error {}

/** Parses strict JSON text into ordered values. Throws on anything serde_json would reject. */
export function parseJson(text: string): JsonValue {
  let i = 0;
  const n = text.length;
  const fail = (what: string): never => {
    throw new JsonError(`${what} at column ${i + 1}`);
  };
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const parseString = (): string => {
    // text[i] === '"'
    i++;
    let start = i;
    let out = '';
    for (;;) {
      if (i >= n) fail('EOF while parsing a string');
      const c = text.charCodeAt(i);
      if (c === 34) {
        out += text.slice(start, i);
        i++;
        return out;
      }
      if (c === 92) {
        out += text.slice(start, i);
        const e = text[i + 1];
        i += 2;
        switch (e) {
          case '"': out += '"'; break;
          case '\\': out += '\\'; break;
          case '/': out += '/'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'n': out += '\n'; break;
          case 'r': out += '\r'; break;
          case 't': out += '\t'; break;
          case 'u': {
            const hex = (at: number) => {
              const h = text.slice(at, at + 4);
              if (!/^[0-9a-fA-F]{4}$/.test(h)) fail('invalid escape');
              return parseInt(h, 16);
            };
            const cu = hex(i);
            i += 4;
            if (cu >= 0xdc00 && cu <= 0xdfff) fail('lone trailing surrogate in hex escape');
            if (cu >= 0xd800 && cu <= 0xdbff) {
              if (text[i] !== '\\' || text[i + 1] !== 'u') fail('lone leading surrogate in hex escape');
              const lo = hex(i + 2);
              if (lo < 0xdc00 || lo > 0xdfff) fail('lone leading surrogate in hex escape');
              i += 6;
              out += String.fromCharCode(cu, lo);
            } else {
              out += String.fromCharCode(cu);
            }
            break;
          }
          default:
            fail('invalid escape');
        }
        start = i;
        continue;
      }
      if (c < 0x20) fail('control character found while parsing a string');
      // A JS string from valid UTF-8 never holds a lone surrogate, so nothing to check here.
      i++;
    }
  };
  const parseNumber = (): JsonNumber => {
    const start = i;
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (text[i]! >= '1' && text[i]! <= '9') while (text[i]! >= '0' && text[i]! <= '9') i++;
    else fail('invalid number');
    let integer = true;
    if (text[i] === '.') {
      integer = false;
      i++;
      if (!(text[i]! >= '0' && text[i]! <= '9')) fail('invalid number');
      while (text[i]! >= '0' && text[i]! <= '9') i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      integer = false;
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!(text[i]! >= '0' && text[i]! <= '9')) fail('invalid number');
      while (text[i]! >= '0' && text[i]! <= '9') i++;
    }
    const raw = text.slice(start, i);
    if (integer) {
      const big = BigInt(raw);
      if (big <= U64_MAX && big >= I64_MIN) return { kind: 'number', value: Number(big), integer: big.toString() };
    }
    const value = Number(raw);
    if (!Number.isFinite(value)) fail('number out of range');
    return { kind: 'number', value };
  };
  const parseValue = (depth: number): JsonValue => {
    ws();
    if (i >= n) fail('EOF while parsing a value');
    const c = text[i];
    if (c === '{') {
      if (depth >= MAX_DEPTH) fail('recursion limit exceeded');
      i++;
      const obj: JsonObject = new Map();
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('key must be a string');
        const key = parseString();
        ws();
        if (text[i] !== ':') fail('expected `:`');
        i++;
        obj.set(key, parseValue(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        fail('expected `,` or `}`');
      }
    }
    if (c === '[') {
      if (depth >= MAX_DEPTH) fail('recursion limit exceeded');
      i++;
      const arr: JsonValue[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(parseValue(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail('expected `,` or `]`');
      }
    }
    if (c === '"') return parseString();
    if (text.startsWith('true', i)) {
      i += 4;
      return true;
    }
    if (text.startsWith('false', i)) {
      i += 5;
      return false;
    }
    if (text.startsWith('null', i)) {
      i += 4;
      return null;
    }
    return parseNumber();
  };
  const value = parseValue(0);
  ws();
  if (i < n) fail('trailing characters');
  return value;
}

/** Writes an ordered value as compact JSON, byte-for-byte like serde_json's `to_string`. */
export function stringifyJson(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stringifyJson).join(',')}]`;
  if (value instanceof Map) {
    const parts: string[] = [];
    for (const [k, v] of value) parts.push(`${JSON.stringify(k)}:${stringifyJson(v)}`);
    return `{${parts.join(',')}}`;
  }
  return formatNumber(value);
}

/**
 * Decodes one line of bytes as UTF-8, or returns undefined if the bytes are not valid UTF-8
 * (Cardinal skips such lines with a warning).
 */
export function decodeUtf8Line(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
