/**
 * Deterministic generator of synthetic OCDS compiled releases shaped like Thai local procurement,
 * for benchmarking the red-flag engine.
 *
 *   npx tsx bench/procurement-generate.ts [N=1000000] [OUT=bench/out/procurement-N.jsonl] [SEED=1]
 *
 * - Buyers are real local administrative organisations (LAOs) from data/reference/laos.csv.
 * - Methods follow the PPSA B.E. 2560 classes: e-bidding / e-market (`open`), วิธีคัดเลือก
 *   (`selective`), วิธีเฉพาะเจาะจง (`limited`, ≤ 500,000 baht); amounts in THB.
 * - Suppliers are a fixed pool with 13-digit tax ids, a Zipf-like popularity and a home UNSPSC
 *   segment; bids, bid statuses, awards, contracts, dates (+07:00), parties, items and documents
 *   are filled in so that each line is a realistic 2–3 KB compiled release.
 * - Planted patterns (a few percent each): short submission periods, single bids in e-bidding,
 *   near-identical and identical bid prices, late winning bids, all-but-winner disqualified, lowest
 *   bid disqualified, heavy discounts, suppliers selling everything, cancelled tenders.
 *
 * The file goes under bench/out/ (gitignored). The output is the same for the same N and SEED.
 */
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

/** mulberry32: small, fast, deterministic PRNG. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Lao {
  code: string;
  name: string;
  province: string;
  postcode: string;
}

function readLaos(): Lao[] {
  const lines = readFileSync(join(ROOT, 'data/reference/laos.csv'), 'utf8').trim().split('\n');
  const header = lines[0]!.split(',');
  const col = (name: string) => header.indexOf(name);
  const [code, name, province, postcode] = [col('dla_code'), col('full_name_th'), col('province_name_th'), col('postcode')];
  return lines.slice(1).map((line) => {
    const f = line.split(',');
    return { code: f[code]!, name: f[name]!, province: f[province]!, postcode: f[postcode] ?? '' };
  });
}

const SEGMENTS = ['43', '44', '72', '25', '30', '39', '42', '47', '50', '53', '56', '60', '78', '80', '81', '84', '85', '86', '90', '95'];
const ITEMS: Array<[string, string, string]> = [
  ['43211500', 'เครื่องคอมพิวเตอร์', 'เครื่อง'],
  ['44121600', 'วัสดุสำนักงาน', 'รายการ'],
  ['72141100', 'ก่อสร้างถนนคอนกรีตเสริมเหล็ก', 'สาย'],
  ['25101500', 'รถยนต์บรรทุก', 'คัน'],
  ['30111600', 'ปูนซีเมนต์', 'ตัน'],
  ['39111500', 'โคมไฟฟ้าถนน', 'ชุด'],
  ['42131600', 'เวชภัณฑ์', 'กล่อง'],
  ['47131800', 'น้ำยาทำความสะอาด', 'แกลลอน'],
  ['50202300', 'อาหารเสริม (นม) โรงเรียน', 'ถุง'],
  ['53102700', 'เครื่องแบบ', 'ชุด'],
  ['56101700', 'โต๊ะและเก้าอี้', 'ตัว'],
  ['60101700', 'สื่อการเรียนการสอน', 'ชุด'],
  ['72101500', 'ซ่อมแซมอาคาร', 'งาน'],
  ['78111800', 'เช่ารถโดยสาร', 'วัน'],
  ['80111600', 'จ้างเหมาบริการบุคคล', 'เดือน'],
  ['81112200', 'บำรุงรักษาระบบคอมพิวเตอร์', 'งาน'],
  ['84111500', 'บริการบัญชี', 'งาน'],
  ['85121600', 'บริการทางการแพทย์', 'ครั้ง'],
  ['86101700', 'ฝึกอบรม', 'รุ่น'],
  ['90101500', 'จัดเลี้ยง', 'มื้อ'],
];
const COMPANY = ['ห้างหุ้นส่วนจำกัด', 'บริษัท', 'ร้าน'];
const WORDS = ['รุ่งเรือง', 'ก่อสร้าง', 'วิศวกรรม', 'เจริญทรัพย์', 'ศรีสยาม', 'พัฒนา', 'การค้า', 'ไทยรุ่ง', 'มั่นคง', 'สุขสวัสดิ์', 'อุดมสุข', 'ทวีชัย'];
const METHODS: Array<[number, string, string]> = [
  [0.25, 'open', 'ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)'],
  [0.1, 'open', 'ตลาดอิเล็กทรอนิกส์ (e-market)'],
  [0.1, 'selective', 'วิธีคัดเลือก'],
  [0.55, 'limited', 'วิธีเฉพาะเจาะจง'],
];

interface Supplier {
  id: string;
  name: string;
  segment: string;
}

export function* generate(n: number, seed = 1): Generator<string> {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const laos = readLaos();
  const suppliers: Supplier[] = Array.from({ length: 20000 }, (_, i) => ({
    id: `TH-TIN-${String(105500000000 + i * 7919).padStart(13, '0')}`,
    name: `${pick(COMPANY)} ${pick(WORDS)}${pick(WORDS)} ${i}`,
    segment: pick(SEGMENTS),
  }));
  // Zipf-like popularity: a few suppliers win very often.
  const popular = () => suppliers[Math.floor(suppliers.length * rand() ** 3)]!;
  const iso = (ms: number) => `${new Date(ms + 7 * 3600e3).toISOString().slice(0, 19)}+07:00`;
  const FY_START = Date.UTC(2022, 9, 1); // fiscal year 2566 (B.E.) starts 1 Oct 2022

  for (let k = 0; k < n; k++) {
    const lao = pick(laos);
    const buyer = { id: `TH-DLA-${lao.code}`, name: lao.name };
    const r = rand();
    let acc = 0;
    const method = METHODS.find(([p]) => (acc += p) > r) ?? METHODS[3]!;
    const [, pm, pmd] = method;
    const [classId, itemName, unit] = pick(ITEMS);
    const reference = pm === 'limited' ? int(5_000, 500_000) : Math.round(Math.exp(13 + rand() * 3));
    const start = FY_START + Math.floor(rand() * 3 * 365) * 86400e3 + int(8, 16) * 3600e3;
    const plant = rand();
    let periodDays = pm === 'limited' ? int(1, 7) : int(15, 30);
    if (plant < 0.03) periodDays = int(2, 9); // short submission period
    const end = start + periodDays * 86400e3;
    const cancelled = rand() < 0.02;

    let nBidders = pm === 'limited' ? 1 : pm === 'selective' ? int(2, 4) : int(1, 8);
    if (pm === 'open' && plant > 0.97) nBidders = 1; // single bid
    const home = popular();
    const bidders: Supplier[] = [home];
    while (bidders.length < nBidders) {
      const s = rand() < 0.5 ? popular() : pick(suppliers);
      if (!bidders.includes(s)) bidders.push(s);
    }
    const amounts = bidders.map(() => Math.round(reference * (0.75 + rand() * 0.3)));
    if (plant >= 0.03 && plant < 0.05 && amounts.length > 1) amounts[1] = amounts[0]!; // identical prices
    if (plant >= 0.05 && plant < 0.07 && amounts.length > 1) amounts[1] = Math.round(amounts[0]! * 1.001); // close bid
    if (plant >= 0.07 && plant < 0.08 && amounts.length > 1) amounts[0] = Math.round(amounts[0]! * 0.3); // heavy discount
    const statuses = bidders.map(() => (rand() < 0.1 ? 'disqualified' : 'valid'));
    statuses[0] = 'valid';
    if (plant >= 0.08 && plant < 0.1) statuses.fill('disqualified', 1); // all but winner disqualified
    let winner = 0;
    for (let b = 1; b < amounts.length; b++) if (statuses[b] === 'valid' && amounts[b]! < amounts[winner]!) winner = b;
    if (plant >= 0.1 && plant < 0.11 && amounts.length > 1) {
      // lowest bid disqualified
      statuses[1] = 'disqualified';
      amounts[1] = Math.min(...amounts) - 1000;
    }
    const w = bidders[winner]!;
    const late = plant >= 0.11 && plant < 0.12;
    const bidDate = (b: number) => iso(b === winner && late ? end + 86400e3 : start + int(1, periodDays) * 3600e3 * 20);
    const heterogeneous = plant >= 0.12 && plant < 0.14;
    const awardClass = heterogeneous ? `${pick(SEGMENTS)}${classId.slice(2)}` : `${w.segment}${classId.slice(2)}`;
    const ocid = `ocds-th-egp-${66 + Math.floor((start - FY_START) / (365 * 86400e3))}${String(k).padStart(9, '0')}`;
    const awardDate = end + int(3, 20) * 86400e3;

    const release = {
      ocid,
      id: `${ocid}-compiled`,
      date: iso(awardDate),
      tag: ['compiled'],
      initiationType: 'tender',
      language: 'th',
      parties: [
        {
          id: buyer.id,
          name: buyer.name,
          identifier: { scheme: 'TH-DLA', id: lao.code, legalName: buyer.name },
          address: { locality: lao.province, region: lao.province, postalCode: lao.postcode, countryName: 'ประเทศไทย' },
          roles: ['buyer', 'procuringEntity'],
        },
        ...bidders.map((s) => ({ id: s.id, name: s.name, roles: s === w ? ['tenderer', 'supplier'] : ['tenderer'] })),
      ],
      buyer,
      planning: { budget: { amount: { amount: Math.round(reference * 1.05), currency: 'THB' }, description: `งบประมาณรายจ่ายประจำปี ${lao.name}` } },
      tender: {
        id: ocid.slice(12),
        title: `${pm === 'limited' ? 'ซื้อ' : 'ประกวดราคา'}${itemName} ${lao.name}`,
        description: `${itemName} จำนวน ${int(1, 50)} ${unit} ตามรายละเอียดแนบท้าย`,
        status: cancelled ? 'cancelled' : 'complete',
        procuringEntity: buyer,
        value: { amount: reference, currency: 'THB' },
        procurementMethod: pm,
        procurementMethodDetails: pmd,
        mainProcurementCategory: classId.startsWith('72') ? 'works' : classId.startsWith('8') ? 'services' : 'goods',
        items: [{ id: '1', description: itemName, classification: { scheme: 'UNSPSC', id: classId }, quantity: int(1, 50), unit: { name: unit } }],
        numberOfTenderers: nBidders,
        tenderPeriod: { startDate: iso(start), endDate: iso(end) },
        documents: [{ id: 'doc-1', documentType: 'tenderNotice', title: 'ประกาศเชิญชวน', url: `https://process3.gprocurement.go.th/egp2procmainWeb/${ocid}.pdf`, format: 'application/pdf' }],
      },
      bids: {
        details: bidders.map((s, b) => ({
          id: `${ocid}-bid-${b + 1}`,
          date: bidDate(b),
          status: statuses[b],
          tenderers: [{ id: s.id, name: s.name }],
          value: { amount: amounts[b], currency: 'THB' },
        })),
      },
      awards: cancelled
        ? []
        : [
            {
              id: `${ocid}-award-1`,
              title: `ผู้ชนะ ${itemName}`,
              status: 'active',
              date: iso(awardDate),
              value: { amount: amounts[winner], currency: 'THB' },
              suppliers: [{ id: w.id, name: w.name }],
              items: [{ id: '1', description: itemName, classification: { scheme: 'UNSPSC', id: awardClass } }],
            },
          ],
      contracts: cancelled
        ? []
        : [{ id: `${ocid}-contract-1`, awardID: `${ocid}-award-1`, status: 'active', value: { amount: amounts[winner], currency: 'THB' }, dateSigned: iso(awardDate + 7 * 86400e3) }],
    };
    yield JSON.stringify(release);
  }
}

/** Writes N releases to `out`; returns the number of bytes written. */
export function writeReleases(n: number, out: string, seed = 1): number {
  mkdirSync(dirname(out), { recursive: true });
  const fd = openSync(out, 'w');
  let bytes = 0;
  let batch: string[] = [];
  const flush = () => {
    const buf = Buffer.from(batch.join(''));
    writeSync(fd, buf);
    bytes += buf.length;
    batch = [];
  };
  for (const line of generate(n, seed)) {
    batch.push(`${line}\n`);
    if (batch.length === 2000) flush();
  }
  flush();
  closeSync(fd);
  return bytes;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 1_000_000);
  const out = process.argv[3] ?? join(ROOT, `bench/out/procurement-${n}.jsonl`);
  const seed = Number(process.argv[4] ?? 1);
  const t0 = performance.now();
  const bytes = writeReleases(n, out, seed);
  process.stdout.write(`wrote ${n} releases, ${(bytes / 1e6).toFixed(1)} MB to ${out} in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}
