/**
 * The fast scanner must agree with a full parse: same facts as `extractProcess(JSON.parse(line))`
 * on valid lines, and reject exactly the lines a strict (serde_json-like) parser rejects.
 */
import { describe, expect, it } from 'vitest';
import { parseJson } from './json.ts';
import { extractProcess } from './record.ts';
import { scanProcess } from './scan.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const scan = (text: string) => {
  const b = bytes(text);
  return scanProcess(b, 0, b.length);
};

describe('scanProcess', () => {
  const valid = [
    '{"ocid":"x","tender":{"status":"active","procurementMethod":"open","procurementMethodDetails":"วิธีคัดเลือก","numberOfTenderers":1,"tenderPeriod":{"startDate":"a","endDate":"b"},"procuringEntity":{"id":"P"}},"buyer":{"id":"B"}}',
    '{"ocid":"x","bids":{"details":[{"status":"valid","tenderers":[{"id":"T"},{"id":1},{}],"value":{"amount":1.5e3,"currency":"THB"},"date":"d"},5,{"tenderers":{"id":"T"}}]}}',
    '{"ocid":"x","awards":[{"status":"active","suppliers":[{"id":"S","name":"ร้าน \\"ก\\""}],"items":[{"classification":{"id":"43211500"}},{"classification":{"id":7}}]},null]}',
    '{"oc\\u0069d":"escaped key","tender":{"status":null},"tender":{"procurementMethod":"open"}}',
    '{"ocid":1,"x":[[[{"y":[true,false,null,-0.0e-3]}]]]}',
    '  {"ocid":"\\ud83d\\ude00","bids":[],"awards":{}}\r',
  ];
  it.each(valid)('extracts the same facts as JSON.parse: %s', (line) => {
    expect(scan(line)).toEqual(extractProcess(JSON.parse(line)));
  });

  const invalid = [
    '{"ocid":"x"',
    '{"ocid":"x"} {}',
    '{"ocid":"\\ud800"}',
    '{"ocid":"tab\there"}',
    '{"a":01}',
    '{"a":1e999}',
    '{"a":tru}',
    '{"a":[1,]}',
    `{"a":${'['.repeat(127)}${']'.repeat(127)}}`,
    '[1]',
    '',
  ];
  it.each(invalid)('rejects what a strict parser rejects: %s', (line) => {
    expect(scan(line)).toBeUndefined();
    if (line.startsWith('{')) expect(() => parseJson(line)).toThrow();
  });

  it('accepts 127 levels of nesting, like serde_json', () => {
    const line = `{"a":${'['.repeat(126)}${']'.repeat(126)}}`;
    expect(scan(line)).toBeDefined();
    expect(() => parseJson(line)).not.toThrow();
  });

  it('rejects invalid UTF-8 unless told it was checked', () => {
    const b = new Uint8Array([...bytes('{"ocid":"'), 0xff, ...bytes('"}')]);
    expect(scanProcess(b, 0, b.length)).toBeUndefined();
  });
});
