/**
 * The dossier data generator of `pnpm bench`: `count` realistic dossiers bulk-inserted straight
 * into `dossiers_dossier` (SQLite: one transaction of prepared inserts; PostgreSQL: multi-row
 * inserts), deterministic for a given seed.
 *
 * The dossiers are spread over the demo province's agencies and their units, over the 12 months
 * before `now` (received on working hours, due 3–15 days later), across the lifecycle states with
 * their national status codes (a third still open: received, processing, supplement requested,
 * …; the rest done, returned, refused, withdrawn or stopped, with timeliness), 40 % online with
 * a signed-in citizen owner (`applicant_user_id`). One officer (`officerId`) is the handling
 * officer of `officerShare` (default 0.5 %, about a year's work at 1,000,000 dossiers) of them: the
 * officer list is measured on that slice; the others belong to synthetic officers.
 *
 * Example: `await generateDossiers(db, 'sqlite', { count: 1_000_000, seed: 61, officerId, now: Date.now() })`.
 */
import { uuid7 } from '@motcua/kernel/contract';
import type { Db } from './evaluation.js';
import { pick, random } from './evaluation.js';
import type { Dialect } from './queries.js';

/** What to generate. */
export interface DossierDataSpec {
  count: number;
  seed: number;
  /** The measured officer (identity user id): handler and last actor of `officerShare` of the dossiers. */
  officerId: string;
  officerShare?: number;
  /** Epoch ms: the dossiers were received during the year before. */
  now: number;
}

const COLUMNS = [
  'id', 'code', 'state', 'national_status', 'channel', 'unit_code', 'agency_code', 'agency_name', 'procedure_code', 'procedure_name',
  'applicant_name', 'applicant_kind', 'submitted_at', 'received_at', 'original_due_at', 'due_at', 'finished_at', 'returned_at',
  'agency_id', 'agency_path', 'unit_id', 'unit_path', 'competent_unit_id', 'competent_unit_path', 'procedure_id', 'case_code', 'applicant_user_id', 'handler_id', 'officer_id', 'timeliness',
  'tracking_secret', 'search_text', 'created_at', 'version',
];

/** [state, national status, weight, finished?] — a third open, the rest closed, as on a live desk. */
const STATES: Array<[string, number, number, boolean]> = [
  ['RECEIVED', 2, 5, false], ['PROCESSING', 4, 20, false], ['SUPPLEMENT_REQUESTED', 5, 3, false], ['FINANCIAL_OBLIGATION', 6, 1, false],
  ['AWAITING_AGENCY_SIGNATURE', 4, 3, false], ['DONE', 9, 10, true], ['RETURNED', 10, 50, true], ['REFUSED_AT_RECEPTION', 3, 3, true],
  ['WITHDRAWN', 7, 2, true], ['STOPPED', 8, 3, true],
];
const STATE_WEIGHT = STATES.reduce((sum, s) => sum + s[2], 0);
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Thu', 'Hoài'];
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hà', 'Hạnh', 'Hùng', 'Lan', 'Long', 'Mai', 'Nam', 'Phương', 'Quân', 'Sơn', 'Thảo', 'Trang', 'Tuấn', 'Vy', 'Yến'];
const PROCEDURES_PER_AGENCY = 30;
const OFFICERS_PER_UNIT = 8;
const DAY = 86_400_000;
const CITIZENS = 200_000;

interface Unit { id: string; path: string; code: string; officers: string[] }
interface Agency { id: string; path: string; code: string; name: string; units: Unit[]; procedures: Array<{ id: string; code: string; name: string }> }

const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

function pickState(next: () => number): [string, number, number, boolean] {
  let roll = next() * STATE_WEIGHT;
  for (const state of STATES) if ((roll -= state[2]) < 0) return state;
  return STATES[STATES.length - 1];
}

/** The demo's agencies directly under the province, their units, and synthetic procedures and officers. */
async function agenciesOf(db: Db, next: () => number): Promise<Agency[]> {
  const rows = await db.all<{ id: string; parent_id: string | null; path: string; depth: number | string; code: string; name: string }>(
    "select id, parent_id, path, depth, code, name from identity_agency where code not like 'BENCH.%' order by path",
  );
  const top = Math.min(...rows.map((row) => Number(row.depth)));
  const fake = () => uuid7(Math.floor(next() * 1e12));
  return rows.filter((row) => Number(row.depth) === top + 1).map((agency, a) => {
    const units = rows.filter((row) => row.parent_id === agency.id);
    return {
      id: agency.id, path: agency.path, code: agency.code, name: agency.name,
      units: (units.length ? units : [agency]).map((unit) => ({ id: unit.id, path: unit.path, code: unit.code, officers: Array.from({ length: OFFICERS_PER_UNIT }, fake) })),
      procedures: Array.from({ length: PROCEDURES_PER_AGENCY }, (_, p) => ({ id: fake(), code: `1.${String(a * 100 + p).padStart(6, '0')}`, name: `Thủ tục thử tải số ${p + 1}` })),
    };
  });
}

/** One dossier row (times as epoch ms; `at` converts them per dialect). */
function dossierRow(agencies: Agency[], spec: DossierDataSpec, serial: number, next: () => number, at: (ms: number | null) => unknown): unknown[] {
  const agency = pick(agencies, next);
  const unit = pick(agency.units, next);
  const procedure = pick(agency.procedures, next);
  const [state, nationalStatus, , finished] = pickState(next);
  const mine = next() < (spec.officerShare ?? 0.005);
  const officer = mine ? spec.officerId : pick(unit.officers, next);
  const day = Math.floor(next() * 365);
  const received = spec.now - (day + 1) * DAY + Math.floor(next() * 8 * 3_600_000);
  const due = received + (3 + Math.floor(next() * 13)) * DAY;
  const finishedAt = finished ? received + Math.floor(next() * 16) * DAY : null;
  const timeliness = finishedAt === null ? null : finishedAt < due - DAY ? 'EARLY' : finishedAt <= due ? 'ON_TIME' : 'LATE';
  const name = `${pick(FAMILY, next)} ${pick(MIDDLE, next)} ${pick(GIVEN, next)}`;
  const date = new Date(received + 7 * 3_600_000).toISOString();
  const code = `${unit.code}-${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8, 10)}-${String(serial).padStart(7, '0')}`;
  const refused = state === 'REFUSED_AT_RECEPTION';
  const online = next() < 0.4;
  // Online dossiers belong to one of CITIZENS signed-in applicants; desk dossiers to nobody.
  const applicant = online ? uuid7(Math.floor(next() * CITIZENS)) : null;
  return [
    uuid7(received), code, state, nationalStatus, online ? 2 : 1, unit.code, agency.code, agency.name, procedure.code, procedure.name,
    name, 1, at(received - 3_600_000), at(refused ? null : received), at(refused ? null : due), at(refused ? null : due), at(finishedAt),
    at(state === 'RETURNED' ? (finishedAt ?? received) + DAY : null), agency.id, agency.path, unit.id, unit.path, unit.id, unit.path, procedure.id, 'TH1', applicant,
    refused ? null : officer, refused ? null : officer, timeliness, serial.toString(36), fold(`${code} ${name}`), at(received - 3_600_000), 1,
  ];
}

/** Inserts `spec.count` dossiers in chunks of 20,000 (bounded memory); returns how many belong to the measured officer. */
export async function generateDossiers(db: Db, dialect: Dialect, spec: DossierDataSpec): Promise<{ officerDossiers: number }> {
  const next = random(spec.seed);
  const agencies = await agenciesOf(db, next);
  const at = dialect === 'sqlite' ? (ms: number | null) => ms : (ms: number | null) => (ms === null ? null : new Date(ms));
  let officerDossiers = 0;
  for (let start = 0; start < spec.count; start += 20_000) {
    const rows: unknown[][] = [];
    for (let serial = start; serial < Math.min(spec.count, start + 20_000); serial++) {
      const row = dossierRow(agencies, spec, serial + 1, next, at);
      if (row[COLUMNS.indexOf('officer_id')] === spec.officerId) officerDossiers++;
      rows.push(row);
    }
    await db.insert('dossiers_dossier', COLUMNS, rows);
  }
  if (dialect === 'postgresql') await db.all('analyze dossiers_dossier');
  return { officerDossiers };
}
