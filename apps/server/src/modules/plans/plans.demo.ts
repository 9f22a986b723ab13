/**
 * Demo plans in natural Thai (idempotent; registered in seed/demo.ts demoSeeders):
 * - อบต.หนองหลวง (6620708): a complete, published 2566–2570 plan under the 4 dimensions, with
 *   6- and 12-month progress for FY2569;
 * - เทศบาลนครขอนแก่น (3400102): its working group and a plan submitted and under review;
 * - จังหวัดขอนแก่น (PHALL-40): the provincial plan, accepted, using the same model.
 * Written straight through the repository as the system actor, with audit entries.
 */
import { fiscalYearsOfSpan, plans as rules } from '@prongsai/core';
import type { PlanItemInput, PlanPart1, PlanWorkingGroup } from '@prongsai/contracts';
import type { Database } from '../../db/database.ts';
import { recordAudit } from '../../audit/audit.ts';
import { systemActor } from '../../auth/actor.ts';
import { loadPlanFrameworks } from './framework-data.ts';
import { createPlansRepository } from './plans.repository.ts';

type DemoItem = Omit<PlanItemInput, 'noBudget' | 'budgets' | 'responsibleUnit' | 'quarters' | 'remarks'> & { perYear?: number; responsibleUnit: string; quarters?: number[]; remarks?: string };

const baht = (n: number) => BigInt(Math.round(n * 100));

const NONGLAUNG_ITEMS: DemoItem[] = [
  { type: 'project', frameworkCode: '1.1.1', nameTh: 'โครงการอบรมคุณธรรมจริยธรรมแก่ผู้บริหาร สมาชิกสภา และพนักงานส่วนตำบล', perYear: 20000, responsibleUnit: 'สำนักปลัด', quarters: [2],
    sheet: { rationale: 'การปฏิบัติราชการที่ยึดประโยชน์สุขของประชาชนต้องเริ่มจากจิตสำนึกของบุคลากร อบต.หนองหลวงจึงจัดอบรมเป็นประจำทุกปี', objectives: ['ให้บุคลากรเข้าใจหลักคุณธรรมจริยธรรมและประมวลจริยธรรม', 'ให้บุคลากรแยกแยะผลประโยชน์ส่วนตนและส่วนรวมได้'], targetGroup: 'ผู้บริหาร สมาชิกสภา พนักงานส่วนตำบล และพนักงานจ้าง รวม 48 คน', area: 'ห้องประชุม อบต.หนองหลวง', method: ['แต่งตั้งคณะทำงาน', 'จัดอบรม 1 วัน โดยวิทยากรจากสำนักงาน ป.ป.ช. ประจำจังหวัดกำแพงเพชร', 'ทดสอบความรู้ก่อนและหลังอบรม'], period: 'ไตรมาสที่ 2 ของทุกปีงบประมาณ', responsibleUnit: 'สำนักปลัด', outputs: 'บุคลากรเข้าอบรมไม่น้อยกว่าร้อยละ 90', outcomes: 'บุคลากรมีความรู้เรื่องผลประโยชน์ทับซ้อนเพิ่มขึ้น', kpis: [{ id: 'k1', nameTh: 'ร้อยละของบุคลากรที่เข้าอบรม', unit: 'ร้อยละ', target: 90, kind: 'output' }, { id: 'k2', nameTh: 'ร้อยละของผู้ผ่านแบบทดสอบหลังอบรม', unit: 'ร้อยละ', target: 80, kind: 'outcome' }] } },
  { type: 'measure', frameworkCode: '1.1.2', nameTh: 'มาตรการส่งเสริมการปฏิบัติตามประมวลจริยธรรมของพนักงานส่วนตำบล', responsibleUnit: 'สำนักปลัด' },
  { type: 'activity', frameworkCode: '1.1.3', nameTh: 'กิจกรรมให้ความรู้เรื่องผลประโยชน์ทับซ้อนและนโยบายไม่รับของขวัญ (No Gift Policy)', responsibleUnit: 'สำนักปลัด', quarters: [1] },
  { type: 'project', frameworkCode: '1.2', nameTh: 'โครงการปลูกต้นไม้เพื่อเพิ่มพื้นที่สีเขียว ลดภาวะโลกร้อน ร่วมกับประชาชนในตำบล', perYear: 10000, responsibleUnit: 'กองส่งเสริมการเกษตร', quarters: [3],
    sheet: { rationale: 'สร้างจิตสำนึกสาธารณะของประชาชนผ่านกิจกรรมร่วมกัน', objectives: ['ให้ประชาชนมีส่วนร่วมดูแลทรัพยากรของชุมชน'], targetGroup: 'ประชาชนตำบลหนองหลวง 150 คน', area: 'ที่สาธารณประโยชน์ หมู่ 1–12', method: ['ประชาสัมพันธ์', 'จัดกิจกรรมปลูกต้นไม้'], period: 'ไตรมาสที่ 3', responsibleUnit: 'กองส่งเสริมการเกษตร', outputs: 'ปลูกต้นไม้ 1,000 ต้น', outcomes: 'ประชาชนมีจิตสำนึกรักษาสาธารณสมบัติ', kpis: [{ id: 'k1', nameTh: 'จำนวนประชาชนที่เข้าร่วม', unit: 'คน', target: 150, kind: 'output' }] } },
  { type: 'project', frameworkCode: '1.3', nameTh: 'โครงการสร้างภูมิคุ้มกันทางสังคมให้เด็กและเยาวชน (กิจกรรมโตไปไม่โกง)', perYear: 15000, responsibleUnit: 'กองการศึกษา ศาสนาและวัฒนธรรม', quarters: [2, 3],
    sheet: { rationale: 'ปลูกฝังความซื่อสัตย์ตั้งแต่วัยเด็ก', objectives: ['ให้เด็กเล็กและนักเรียนรู้จักแยกแยะสิ่งถูกผิด'], targetGroup: 'เด็กในศูนย์พัฒนาเด็กเล็กและโรงเรียนในตำบล 120 คน', area: 'ศูนย์พัฒนาเด็กเล็ก อบต.หนองหลวง', method: ['จัดกิจกรรมเล่านิทาน', 'ประกวดคำขวัญต้านโกง'], period: 'ไตรมาสที่ 2–3', responsibleUnit: 'กองการศึกษา ศาสนาและวัฒนธรรม', outputs: 'เด็กเข้าร่วม 120 คน', outcomes: 'เด็กมีทัศนคติที่ดีต่อความซื่อสัตย์', kpis: [{ id: 'k1', nameTh: 'จำนวนเด็กและเยาวชนที่เข้าร่วม', unit: 'คน', target: 120, kind: 'output' }] } },
  { type: 'measure', frameworkCode: '2.1', nameTh: 'กิจกรรมประกาศเจตจำนงต่อต้านการทุจริตของผู้บริหารองค์การบริหารส่วนตำบลหนองหลวง', responsibleUnit: 'สำนักปลัด', quarters: [1] },
  { type: 'measure', frameworkCode: '2.2', nameTh: 'มาตรการเผยแพร่ข้อมูลการจัดซื้อจัดจ้างและผลการจัดซื้อจัดจ้างรายเดือน', responsibleUnit: 'กองคลัง', quarters: [1, 2, 3, 4] },
  { type: 'measure', frameworkCode: '2.3', nameTh: 'มาตรการลดขั้นตอนการปฏิบัติงานและกำหนดระยะเวลาให้บริการประชาชน', responsibleUnit: 'สำนักปลัด' },
  { type: 'activity', frameworkCode: '2.4', nameTh: 'กิจกรรมยกย่องเชิดชูเกียรติบุคคลที่ประพฤติตนเป็นแบบอย่างที่ดี', perYear: 5000, responsibleUnit: 'สำนักปลัด', quarters: [4],
    sheet: { rationale: 'ส่งเสริมแบบอย่างที่ดี', objectives: ['ยกย่องผู้ทำความดี'], targetGroup: 'พนักงานและประชาชน', area: 'ตำบลหนองหลวง', method: ['คัดเลือกและมอบเกียรติบัตร'], period: 'ไตรมาสที่ 4', responsibleUnit: 'สำนักปลัด', outputs: 'มอบเกียรติบัตรปีละ 5 คน', outcomes: 'เกิดแบบอย่างที่ดีในองค์กร', kpis: [{ id: 'k1', nameTh: 'จำนวนผู้ได้รับการยกย่อง', unit: 'คน', target: 5, kind: 'output' }] } },
  { type: 'measure', frameworkCode: '2.5', nameTh: 'มาตรการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ', responsibleUnit: 'สำนักปลัด' },
  { type: 'activity', frameworkCode: '3.1', nameTh: 'กิจกรรมปรับปรุงศูนย์ข้อมูลข่าวสารและเว็บไซต์ขององค์การบริหารส่วนตำบลหนองหลวง', responsibleUnit: 'สำนักปลัด', quarters: [1] },
  { type: 'project', frameworkCode: '3.2', nameTh: 'โครงการ อบต.เคลื่อนที่ รับฟังความคิดเห็นและเรื่องร้องเรียนของประชาชน', perYear: 30000, responsibleUnit: 'สำนักปลัด', quarters: [2, 3],
    sheet: { rationale: 'นำบริการและช่องทางร้องเรียนไปถึงประชาชนในทุกหมู่บ้าน', objectives: ['รับฟังความคิดเห็นและเรื่องร้องเรียน'], targetGroup: 'ประชาชน 12 หมู่บ้าน', area: 'ศาลาประชาคมหมู่ 1–12', method: ['ออกหน่วยบริการเดือนละ 1 ครั้ง'], period: 'ไตรมาสที่ 2–3', responsibleUnit: 'สำนักปลัด', outputs: 'ออกหน่วย 12 ครั้ง', outcomes: 'เรื่องร้องเรียนได้รับการตอบภายใน 15 วัน', kpis: [{ id: 'k1', nameTh: 'ร้อยละของเรื่องร้องเรียนที่ตอบภายใน 15 วัน', unit: 'ร้อยละ', target: 100, kind: 'outcome' }] } },
  { type: 'activity', frameworkCode: '3.3', nameTh: 'กิจกรรมประชุมประชาคมจัดทำแผนพัฒนาท้องถิ่น', responsibleUnit: 'สำนักปลัด', quarters: [3] },
  { type: 'measure', frameworkCode: '4.1', nameTh: 'มาตรการติดตามประเมินผลระบบควบคุมภายในและรายงานตามที่คณะกรรมการตรวจเงินแผ่นดินกำหนด', responsibleUnit: 'หน่วยตรวจสอบภายใน', quarters: [1] },
  { type: 'activity', frameworkCode: '4.2', nameTh: 'กิจกรรมเชิญตัวแทนประชาชนร่วมเป็นกรรมการตรวจรับพัสดุ', responsibleUnit: 'กองคลัง' },
  { type: 'project', frameworkCode: '4.3', nameTh: 'โครงการอบรมสมาชิกสภาองค์การบริหารส่วนตำบลเรื่องบทบาทการตรวจสอบ', perYear: 12000, responsibleUnit: 'สำนักปลัด', quarters: [2],
    sheet: { rationale: 'สภาท้องถิ่นเป็นกลไกตรวจสอบฝ่ายบริหาร', objectives: ['ให้สมาชิกสภารู้บทบาทการตรวจสอบ'], targetGroup: 'สมาชิกสภา อบต. 24 คน', area: 'ห้องประชุม อบต.หนองหลวง', method: ['อบรม 1 วัน'], period: 'ไตรมาสที่ 2', responsibleUnit: 'สำนักปลัด', outputs: 'สมาชิกสภาเข้าอบรม 24 คน', outcomes: 'มีการตั้งกระทู้ถามหรือญัตติตรวจสอบเพิ่มขึ้น', kpis: [{ id: 'k1', nameTh: 'จำนวนสมาชิกสภาที่เข้าอบรม', unit: 'คน', target: 24, kind: 'output' }] } },
  { type: 'activity', frameworkCode: '4.4', nameTh: 'กิจกรรมติดป้ายประชาสัมพันธ์กรณีพบเห็นการทุจริต และส่งเสริมเครือข่ายชุมชนต้านโกง', perYear: 3000, responsibleUnit: 'สำนักปลัด', quarters: [1],
    sheet: { rationale: 'ให้ประชาชนรู้ช่องทางแจ้งเบาะแส', objectives: ['ประชาสัมพันธ์ช่องทางแจ้งเบาะแส'], targetGroup: 'ประชาชนทั่วไป', area: '12 หมู่บ้าน', method: ['ติดป้ายทุกหมู่บ้าน'], period: 'ไตรมาสที่ 1', responsibleUnit: 'สำนักปลัด', outputs: 'ติดป้าย 12 จุด', outcomes: 'ประชาชนรู้ช่องทางแจ้งเบาะแส', kpis: [{ id: 'k1', nameTh: 'จำนวนป้ายที่ติดตั้ง', unit: 'ป้าย', target: 12, kind: 'output' }] } },
];

const NONGLAUNG_PART1: PlanPart1 = {
  riskAnalysis: [
    { area: 'การจัดซื้อจัดจ้าง', risk: 'แบ่งซื้อแบ่งจ้างเพื่อหลีกเลี่ยงวิธีประกาศเชิญชวน', likelihood: 3, impact: 4, existingControls: 'หน่วยตรวจสอบภายในสุ่มตรวจรายไตรมาส', owner: 'กองคลัง' },
    { area: 'การออกใบอนุญาตก่อสร้าง', risk: 'เรียกรับผลประโยชน์เพื่อเร่งรัดการอนุญาต', likelihood: 2, impact: 4, existingControls: 'ประกาศขั้นตอนและระยะเวลา ณ จุดบริการ', owner: 'กองช่าง' },
    { area: 'การใช้รถยนต์ส่วนกลาง', risk: 'นำทรัพย์สินของราชการไปใช้ประโยชน์ส่วนตน', likelihood: 2, impact: 2, existingControls: 'สมุดบันทึกการใช้รถ', owner: 'สำนักปลัด' },
  ],
  rationale: 'การทุจริตเป็นปัญหาที่บั่นทอนการพัฒนาท้องถิ่น องค์การบริหารส่วนตำบลหนองหลวงจึงจัดทำแผนปฏิบัติการป้องกันการทุจริตตามแนวทางของสำนักงาน ป.ป.ช. ครอบคลุม 4 มิติ เพื่อให้การบริหารงานโปร่งใส ตรวจสอบได้ และประชาชนมีส่วนร่วม',
  vision: 'องค์การบริหารส่วนตำบลหนองหลวง โปร่งใส ไร้ทุจริต ประชาชนมีส่วนร่วม',
  objectives: ['เพื่อยกระดับเจตจำนงทางการเมืองในการต่อต้านการทุจริตของผู้บริหาร', 'เพื่อสร้างจิตสำนึกและความตระหนักในการปฏิบัติราชการ', 'เพื่อส่งเสริมบทบาทการมีส่วนร่วมของภาคประชาชนในการตรวจสอบ'],
  targets: ['ผู้บริหาร สมาชิกสภา และพนักงานทุกคนผ่านการอบรมอย่างน้อยปีละ 1 ครั้ง', 'เรื่องร้องเรียนได้รับการตอบภายใน 15 วันทุกเรื่อง'],
  expectedBenefits: ['การบริหารงานโปร่งใส ตรวจสอบได้', 'ประชาชนเชื่อมั่นในการทำงานขององค์การบริหารส่วนตำบล'],
};

const NONGLAUNG_GROUP: PlanWorkingGroup = {
  appointingOrder: { number: '112/2565', date: '2022-09-15', signedBy: 'นายกองค์การบริหารส่วนตำบลหนองหลวง' },
  members: [
    { name: 'นางวิไล ตรงไป', position: 'ปลัดองค์การบริหารส่วนตำบล', role: 'ประธานคณะทำงาน' },
    { name: 'นายสมชาย มองดี', position: 'ผู้อำนวยการกองคลัง', role: 'คณะทำงาน' },
    { name: 'นายวีระ ช่างดี', position: 'ผู้อำนวยการกองช่าง', role: 'คณะทำงาน' },
    { name: 'นางสาวสมศรี ใจดี', position: 'นักจัดการงานทั่วไป', role: 'คณะทำงานและเลขานุการ' },
  ],
};

const KHONKAEN_ITEMS: DemoItem[] = [
  { type: 'project', frameworkCode: '1.1', nameTh: 'โครงการพัฒนาคุณธรรมจริยธรรมบุคลากรเทศบาลนครขอนแก่น', perYear: 150000, responsibleUnit: 'สำนักปลัดเทศบาล', quarters: [2],
    sheet: { rationale: 'บุคลากรกว่า 2,000 คนต้องเข้าใจประมวลจริยธรรม', objectives: ['เสริมสร้างวัฒนธรรมองค์กรสุจริต'], targetGroup: 'บุคลากรเทศบาล 500 คนต่อปี', area: 'เทศบาลนครขอนแก่น', method: ['อบรม 4 รุ่น'], period: 'ไตรมาสที่ 2', responsibleUnit: 'สำนักปลัดเทศบาล', outputs: 'อบรม 4 รุ่น', outcomes: 'ผลประเมิน ITA ด้านการป้องกันการทุจริตดีขึ้น', kpis: [{ id: 'k1', nameTh: 'จำนวนผู้ผ่านการอบรม', unit: 'คน', target: 500, kind: 'output' }] } },
  { type: 'project', frameworkCode: '1.2', nameTh: 'โครงการสภาเด็กและเยาวชนต้านทุจริต (ขอนแก่นโปร่งใส)', perYear: 80000, responsibleUnit: 'สำนักการศึกษา', quarters: [3],
    sheet: { rationale: 'เยาวชนเป็นพลังเปลี่ยนแปลง', objectives: ['สร้างเครือข่ายเยาวชนต้านทุจริต'], targetGroup: 'สภาเด็กและเยาวชน', area: 'เขตเทศบาล', method: ['ค่ายเยาวชน'], period: 'ไตรมาสที่ 3', responsibleUnit: 'สำนักการศึกษา', outputs: 'ค่าย 1 ครั้ง 100 คน', outcomes: 'เกิดเครือข่ายเยาวชน', kpis: [{ id: 'k1', nameTh: 'จำนวนเยาวชนที่เข้าร่วม', unit: 'คน', target: 100, kind: 'output' }] } },
  { type: 'measure', frameworkCode: '2.1', nameTh: 'ประกาศเจตจำนงสุจริตของนายกเทศมนตรีนครขอนแก่น', responsibleUnit: 'สำนักปลัดเทศบาล', quarters: [1] },
  { type: 'measure', frameworkCode: '2.2', nameTh: 'มาตรการเปิดเผยข้อมูลการจัดซื้อจัดจ้างแบบเปิด (Open Contracting) บนเว็บไซต์เทศบาล', responsibleUnit: 'สำนักการคลัง' },
  { type: 'project', frameworkCode: '3.2', nameTh: 'โครงการพัฒนาระบบรับเรื่องร้องเรียนออนไลน์ (ขอนแก่นสมาร์ทซิตี้)', perYear: 250000, responsibleUnit: 'สำนักปลัดเทศบาล', quarters: [1, 2],
    sheet: { rationale: 'เพิ่มช่องทางร้องเรียนที่ติดตามสถานะได้', objectives: ['ตอบเรื่องร้องเรียนได้เร็วขึ้น'], targetGroup: 'ประชาชนในเขตเทศบาล', area: 'เขตเทศบาลนครขอนแก่น', method: ['พัฒนาระบบ', 'ประชาสัมพันธ์'], period: 'ไตรมาสที่ 1–2', responsibleUnit: 'สำนักปลัดเทศบาล', outputs: 'ระบบรับเรื่องร้องเรียน 1 ระบบ', outcomes: 'ระยะเวลาตอบเรื่องร้องเรียนเฉลี่ยไม่เกิน 7 วัน', kpis: [{ id: 'k1', nameTh: 'ระยะเวลาตอบเรื่องร้องเรียนเฉลี่ย', unit: 'วัน', target: 7, kind: 'outcome' }] } },
  { type: 'activity', frameworkCode: '3.3', nameTh: 'กิจกรรมประชาคมชุมชนจัดทำแผนพัฒนาเทศบาล', responsibleUnit: 'กองวิชาการและแผนงาน' },
  { type: 'measure', frameworkCode: '4.1', nameTh: 'มาตรการรายงานผลการควบคุมภายในต่อผู้กำกับดูแล', responsibleUnit: 'หน่วยตรวจสอบภายใน' },
  { type: 'activity', frameworkCode: '4.3', nameTh: 'กิจกรรมส่งเสริมบทบาทสมาชิกสภาเทศบาลในการตรวจสอบ', responsibleUnit: 'สำนักปลัดเทศบาล' },
];

const PROVINCE_ITEMS: DemoItem[] = [
  { type: 'project', frameworkCode: '1.1', nameTh: 'โครงการจังหวัดขอนแก่นใสสะอาด ส่งเสริมคุณธรรมของส่วนราชการ', perYear: 300000, responsibleUnit: 'สำนักงานจังหวัดขอนแก่น', quarters: [2],
    sheet: { rationale: 'บูรณาการแผนของทุกหน่วยงานในจังหวัด', objectives: ['ยกระดับคุณธรรมของส่วนราชการ'], targetGroup: 'ส่วนราชการในจังหวัด', area: 'จังหวัดขอนแก่น', method: ['ประชุมเชิงปฏิบัติการ'], period: 'ไตรมาสที่ 2', responsibleUnit: 'สำนักงานจังหวัดขอนแก่น', outputs: 'หน่วยงานเข้าร่วม 100 แห่ง', outcomes: 'ค่าเฉลี่ย ITA ของจังหวัดเพิ่มขึ้น', kpis: [{ id: 'k1', nameTh: 'จำนวนหน่วยงานที่เข้าร่วม', unit: 'แห่ง', target: 100, kind: 'output' }] } },
  { type: 'activity', frameworkCode: '2.1', nameTh: 'ผู้ว่าราชการจังหวัดประกาศเจตจำนงต่อต้านการทุจริต', responsibleUnit: 'สำนักงานจังหวัดขอนแก่น' },
  { type: 'activity', frameworkCode: '3.1', nameTh: 'ศูนย์ดำรงธรรมจังหวัดเผยแพร่สถิติเรื่องร้องเรียนรายไตรมาส', responsibleUnit: 'ศูนย์ดำรงธรรมจังหวัดขอนแก่น', quarters: [1, 2, 3, 4] },
  { type: 'project', frameworkCode: '4.4', nameTh: 'โครงการเครือข่ายภาคประชาชนเฝ้าระวังการทุจริตระดับอำเภอ', perYear: 200000, responsibleUnit: 'สำนักงานจังหวัดขอนแก่น', quarters: [3],
    sheet: { rationale: 'ให้ประชาชนทุกอำเภอร่วมเฝ้าระวัง', objectives: ['ตั้งเครือข่ายทุกอำเภอ'], targetGroup: 'ผู้นำชุมชน 26 อำเภอ', area: '26 อำเภอ', method: ['อบรมแกนนำอำเภอละ 20 คน'], period: 'ไตรมาสที่ 3', responsibleUnit: 'สำนักงานจังหวัดขอนแก่น', outputs: 'เครือข่าย 26 อำเภอ', outcomes: 'มีการแจ้งเบาะแสผ่านเครือข่าย', kpis: [{ id: 'k1', nameTh: 'จำนวนอำเภอที่มีเครือข่าย', unit: 'อำเภอ', target: 26, kind: 'output' }] } },
];

/** Adds the demo plans once (skipped when the organisation already has a plan in the cycle). */
export async function seedPlanDemo(db: Database, log: (line: string) => void = () => {}): Promise<void> {
  await loadPlanFrameworks(db, log);
  const repo = createPlansRepository();
  const actor = systemActor('demo-seed');
  const cycle = await repo.findCycleByCode(db, '2566-2570');
  if (!cycle?.defaultFrameworkId) return;
  const years = fiscalYearsOfSpan(cycle.firstYear, cycle.lastYear);
  const nodes = await repo.listNodes(db, cycle.defaultFrameworkId);
  const reasons = (items: DemoItem[]) => {
    const codes = items.map((i) => i.frameworkCode);
    return Object.fromEntries(rules.leafCodes(nodes.map((n) => n.code)).filter((leaf) => !codes.some((c) => leaf === c || leaf.startsWith(`${c}.`) || c.startsWith(`${leaf}.`))).map((leaf) => [leaf, 'ดำเนินการภายใต้ภารกิจปกติของหน่วยงาน ไม่แยกเป็นโครงการ']));
  };

  async function seedPlan(orgCode: string, status: 'published' | 'submitted' | 'accepted', items: DemoItem[], part1: PlanPart1, group: PlanWorkingGroup, at: Date) {
    const org = await repo.findOrganizationByCode(db, orgCode);
    if (!org) return null;
    const existing = await repo.listPlans(db, { organizationId: org.id, cycleId: cycle!.id, limit: 1, offset: 0 }, { publishedOnly: false, national: true });
    if (existing.total > 0) return null;
    return db.transaction().execute(async (tx) => {
      const plan = await repo.insertPlan(tx, {
        lineageId: crypto.randomUUID(), organizationId: org.id, cycleId: cycle!.id, frameworkId: cycle!.defaultFrameworkId!, titleTh: `แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. 2566–2570) ${org.nameTh}`,
        status, part1: JSON.stringify(part1), workingGroup: JSON.stringify(group), coverageReasons: JSON.stringify(reasons(items)), reportingRounds: JSON.stringify(['6m', '12m']),
        createdAt: at, updatedAt: at, submittedAt: at, acceptedAt: status === 'submitted' ? null : at, publishedAt: status === 'published' ? at : null,
      });
      await repo.insertItems(tx, items.map((i, n) => ({
        planId: plan.id, position: n + 1, type: i.type, frameworkCode: i.frameworkCode, dimensionCode: rules.dimensionOf(i.frameworkCode), nameTh: i.nameTh, noBudget: !i.perYear,
        responsibleUnit: i.responsibleUnit, quarters: JSON.stringify(i.quarters ?? []), remarks: i.remarks ?? '', sheet: i.sheet ? JSON.stringify(i.sheet) : null, hasKpis: (i.sheet?.kpis?.length ?? 0) > 0, updatedByLabel: 'demo-seed',
        budgets: i.perYear ? years.filter((y) => y >= 2567).map((fiscalYear) => ({ fiscalYear, amountSatang: baht(i.perYear!) })) : [],
      })));
      const steps: Array<[string, string, string]> = [['create', '', 'draft'], ['send_for_review', 'draft', 'internal_review'], ['approve', 'internal_review', 'approved'], ['submit', 'approved', 'submitted']];
      if (status !== 'submitted') steps.push(['accept', 'submitted', 'accepted']);
      if (status === 'published') steps.push(['publish', 'accepted', 'published']);
      for (const [action, from, to] of steps) await repo.insertEvent(tx, { planId: plan.id, at, actorUserId: null, actorLabel: 'system:demo-seed', action, fromStatus: from || null, toStatus: to, comment: null });
      await recordAudit(tx, actor, { action: 'plan.demo_seed', subjectType: 'plan', subjectId: plan.id, organizationId: org.id, after: { status, items: items.length } });
      return plan.id;
    });
  }

  const nonglaung = await seedPlan('6620708', 'published', NONGLAUNG_ITEMS, NONGLAUNG_PART1, NONGLAUNG_GROUP, new Date('2022-12-20T03:00:00Z'));
  if (nonglaung) {
    const items = await repo.listItems(db, nonglaung);
    await db.transaction().execute(async (tx) => {
      for (const [round, done] of [['6m', 0.5], ['12m', 1]] as const) {
        const report = await repo.upsertReport(tx, nonglaung, 2569, round, round === '6m' ? 'ครึ่งปีแรกดำเนินการตามแผนได้ร้อยละ 60 โครงการที่ใช้งบประมาณเบิกจ่ายตามกำหนด' : 'ดำเนินการครบทุกโครงการตามแผน ยกเว้นกิจกรรมเชิดชูเกียรติที่เลื่อนไปไตรมาสแรกของปีถัดไป');
        await repo.submitReport(tx, report.id, new Date(round === '6m' ? '2026-04-20T03:00:00Z' : '2026-10-20T03:00:00Z'));
        await repo.upsertEntries(tx, nonglaung, items.map((item, n) => {
          const planned = item.budgets.find((b) => b.fiscalYear === 2569)?.amountSatang ?? '0';
          const status = round === '12m' ? (item.frameworkCode === '2.4' ? 'delayed' : 'completed') : n % 3 === 0 ? 'completed' : n % 3 === 1 ? 'in_progress' : 'not_started';
          const kpis = ((item.sheet as { kpis?: Array<{ id: string; target: number }> } | null)?.kpis ?? []).map((k) => ({ kpiId: k.id, actual: Math.round(k.target * (status === 'completed' ? 1.05 : done * 0.8)) }));
          return {
            reportId: report.id, itemId: item.id, status, percent: rules.effectivePercent(status, status === 'in_progress' ? 60 : undefined),
            spentSatang: String((BigInt(planned) * BigInt(status === 'completed' ? 92 : status === 'in_progress' ? 40 : 0)) / 100n),
            outputs: status === 'not_started' ? '' : `ดำเนินการ${item.nameTh.replace(/^(โครงการ|กิจกรรม|มาตรการ)/, '')}ตามแผน`, kpiActuals: kpis,
            links: status === 'completed' ? [{ url: 'https://www.nonglaung.go.th/', label: 'ข่าวประชาสัมพันธ์บนเว็บไซต์ อบต.' }] : [], note: '', updatedByLabel: 'demo-seed',
          };
        }));
      }
      await recordAudit(tx, actor, { action: 'plan.progress.demo_seed', subjectType: 'plan', subjectId: nonglaung });
    });
    log('demo: plan of อบต.หนองหลวง (published, progress FY2569)');
  }
  const khonkaenGroup: PlanWorkingGroup = {
    appointingOrder: { number: '1450/2565', date: '2022-10-05', signedBy: 'นายกเทศมนตรีนครขอนแก่น' },
    members: [
      { name: 'นายธีระ ขอนแก่น', position: 'ปลัดเทศบาลนครขอนแก่น', role: 'ประธานคณะทำงาน' },
      { name: 'นางอรุณี แก่นคูณ', position: 'หัวหน้าฝ่ายบริหารงานทั่วไป', role: 'คณะทำงาน' },
      { name: 'นายประยุทธ มั่นคง', position: 'ผู้อำนวยการสำนักการคลัง', role: 'คณะทำงาน' },
      { name: 'นางสาวพิมพ์ชนก ศรีสุข', position: 'หัวหน้าหน่วยตรวจสอบภายใน', role: 'คณะทำงาน' },
      { name: 'นายณัฐพล ใจซื่อ', position: 'นักวิเคราะห์นโยบายและแผน', role: 'คณะทำงานและเลขานุการ' },
    ],
  };
  const khonkaenPart1: PlanPart1 = {
    riskAnalysis: [{ area: 'การจัดซื้อจัดจ้างโครงการก่อสร้างขนาดใหญ่', risk: 'กำหนดคุณลักษณะเฉพาะเอื้อผู้เสนอราคารายใดรายหนึ่ง', likelihood: 3, impact: 5, existingControls: 'คณะกรรมการกำหนดราคากลางและเปิดเผยราคากลาง', owner: 'สำนักการช่าง' }],
    rationale: 'เทศบาลนครขอนแก่นมุ่งเป็นเมืองอัจฉริยะที่โปร่งใส จึงจัดทำแผนปฏิบัติการป้องกันการทุจริตครอบคลุม 4 มิติ',
    vision: 'ขอนแก่นเมืองน่าอยู่ โปร่งใส ประชาชนมีส่วนร่วม',
    objectives: ['ป้องกันการทุจริตในกระบวนการจัดซื้อจัดจ้าง', 'เพิ่มช่องทางการมีส่วนร่วมของประชาชน'],
    targets: ['เปิดเผยข้อมูลการจัดซื้อจัดจ้างครบทุกโครงการ'],
    expectedBenefits: ['ประชาชนตรวจสอบการใช้งบประมาณได้'],
  };
  if (await seedPlan('3400102', 'submitted', KHONKAEN_ITEMS, khonkaenPart1, khonkaenGroup, new Date('2026-11-10T03:00:00Z'))) log('demo: plan of เทศบาลนครขอนแก่น (submitted, under review)');
  const provincialPart1: PlanPart1 = { riskAnalysis: [], rationale: 'แผนปฏิบัติการป้องกันการทุจริตระดับจังหวัด รวบรวมจากแผนของหน่วยงานในจังหวัดขอนแก่น', vision: 'ขอนแก่นใสสะอาด', objectives: ['บูรณาการการป้องกันการทุจริตของหน่วยงานในจังหวัด'], targets: ['ทุกอำเภอมีเครือข่ายเฝ้าระวัง'], expectedBenefits: ['ประชาชนเชื่อมั่นในภาครัฐ'] };
  if (await seedPlan('PHALL-40', 'accepted', PROVINCE_ITEMS, provincialPart1, { appointingOrder: null, members: [{ name: 'รองผู้ว่าราชการจังหวัดขอนแก่น', position: 'รองผู้ว่าราชการจังหวัด', role: 'ประธานคณะทำงาน' }] }, new Date('2026-11-15T03:00:00Z'))) log('demo: provincial plan of จังหวัดขอนแก่น');
  const deadline = await repo.findDeadline(db, cycle.id, '40');
  if (!deadline) {
    await db.transaction().execute(async (tx) => {
      const row = await repo.upsertDeadline(tx, { cycleId: cycle.id, provinceCode: '40', dueAt: new Date('2026-12-30T10:00:00Z'), note: 'ส่งแผนฉบับปรับปรุงปีงบประมาณ 2570 (ตัวอย่าง)', setBy: null });
      await recordAudit(tx, actor, { action: 'plan_deadline.set', subjectType: 'plan_deadline', subjectId: `${cycle.code}/40`, after: row });
    });
  }
}
