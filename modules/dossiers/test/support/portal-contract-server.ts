import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_PORTAL_PATHS, FOREIGN_CODE_PATTERN, type HoSoDongBoDVC, type QuaTrinhXuLyDongBoDVC } from '@motcua/dossiers/contract';

/**
 * A stand-in for the national portal's dossier endpoints (domain doc §11): create (answers
 * "already exists" for a known code), update, process log. It checks every payload against the
 * documented format and records what it received and every deviation.
 */
export interface PortalContractServer {
  url: string;
  token: string;
  dossiers: Map<string, HoSoDongBoDVC>;
  logs: QuaTrinhXuLyDongBoDVC[];
  calls: Array<{ path: string; code: string }>;
  /** Format deviations found in payloads; a test asserts it stays empty. */
  problems: string[];
  /** Answer the next n requests with HTTP 503. */
  failNext(n: number): void;
  close(): Promise<void>;
}

const PORTAL_DATE = /^\d{14}$/;

function checkDate(problems: string[], where: string, value: unknown, required: boolean): void {
  if (value === '' && !required) return;
  if (typeof value !== 'string' || !PORTAL_DATE.test(value)) {
    problems.push(`${where}: ${JSON.stringify(value)} is not yyyyMMddHHmmss`);
    return;
  }
  const [y, mo, d, h, mi, s] = [0, 4, 6, 8, 10, 12].map((i, k) => Number(value.slice(i, i + (k === 0 ? 4 : 2))));
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) problems.push(`${where}: ${value} is not a real date`);
}

function checkDossier(problems: string[], p: HoSoDongBoDVC): void {
  const where = `dossier ${p.MaHoSo}`;
  if (!FOREIGN_CODE_PATTERN.test(p.MaHoSo)) problems.push(`${where}: MaHoSo malformed`);
  for (const field of ['MaTTHC', 'TenTTHC', 'DonViXuLy', 'ChuHoSo', 'TrichYeuHoSo'] as const) if (!p[field]) problems.push(`${where}: ${field} missing`);
  if (!Number.isInteger(p.TrangThaiHoSo) || p.TrangThaiHoSo < 1 || p.TrangThaiHoSo > 10) problems.push(`${where}: TrangThaiHoSo ${p.TrangThaiHoSo}`);
  if (![1, 2, 3].includes(p.KenhThucHien)) problems.push(`${where}: KenhThucHien ${p.KenhThucHien}`);
  if (![1, 2, 3, 4].includes(p.LoaiDoiTuong)) problems.push(`${where}: LoaiDoiTuong ${p.LoaiDoiTuong}`);
  if (p.TrichYeuHoSo.length > 1000) problems.push(`${where}: TrichYeuHoSo longer than 1000`);
  const received = p.TrangThaiHoSo !== 1 && p.TrangThaiHoSo !== 3;
  checkDate(problems, `${where} NgayNopHoSo`, p.NgayNopHoSo, true);
  checkDate(problems, `${where} NgayTiepNhan`, p.NgayTiepNhan, received);
  checkDate(problems, `${where} NgayHenTra`, p.NgayHenTra, received);
  checkDate(problems, `${where} NgayKetThucXuLy`, p.NgayKetThucXuLy, [8, 9, 10].includes(p.TrangThaiHoSo));
  checkDate(problems, `${where} NgayTra`, p.NgayTra, p.TrangThaiHoSo === 10);
  checkDate(problems, `${where} NgayTuChoi`, p.NgayTuChoi, p.TrangThaiHoSo === 3);
  for (const flag of ['TaiKhoanDuocXacThucVoiVNeID', 'HoSoCoThanhPhanSoHoa', 'DuocThanhToanTrucTuyen'] as const) if (![0, 1].includes(p[flag])) problems.push(`${where}: ${flag} not 0/1`);
}

function checkLog(problems: string[], line: QuaTrinhXuLyDongBoDVC): void {
  const where = `log of ${line.MaHoSo}`;
  if (!line.NguoiXuLy || line.NguoiXuLy.length > 50) problems.push(`${where}: NguoiXuLy ${JSON.stringify(line.NguoiXuLy)}`);
  if (!line.NoiDungXuLy) problems.push(`${where}: NoiDungXuLy missing`);
  if (!Number.isInteger(line.TrangThai) || line.TrangThai < 1 || line.TrangThai > 10) problems.push(`${where}: TrangThai ${line.TrangThai}`);
  checkDate(problems, `${where} ThoiDiemXuLy`, line.ThoiDiemXuLy, true);
  checkDate(problems, `${where} NgayBatDau`, line.NgayBatDau, false);
  checkDate(problems, `${where} NgayKetThucTheoQuyDinh`, line.NgayKetThucTheoQuyDinh, false);
}

export async function startPortalContractServer(token = 'portal-test-token'): Promise<PortalContractServer> {
  const state = { dossiers: new Map<string, HoSoDongBoDVC>(), logs: [] as QuaTrinhXuLyDongBoDVC[], calls: [] as Array<{ path: string; code: string }>, problems: [] as string[] };
  let failures = 0;
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const answer = (status: number, body: object) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (failures > 0) {
      failures -= 1;
      return answer(503, { error_code: '503', message: 'Hệ thống đang bảo trì' });
    }
    if (req.method !== 'POST' || req.headers.authorization !== `Bearer ${token}`) return answer(401, { error_code: '401', message: 'Unauthorized' });
    const { data } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data: any[] };
    const [item] = data;
    state.calls.push({ path: req.url!, code: item.MaHoSo });
    switch (req.url) {
      case DEFAULT_PORTAL_PATHS.create:
        checkDossier(state.problems, item);
        if (state.dossiers.has(item.MaHoSo)) return answer(200, { error_code: '-1', message: `Hồ sơ ${item.MaHoSo} đã tồn tại trên hệ thống` });
        state.dossiers.set(item.MaHoSo, item);
        return answer(200, { error_code: '0', message: 'Thành công' });
      case DEFAULT_PORTAL_PATHS.update:
        checkDossier(state.problems, item);
        if (!state.dossiers.has(item.MaHoSo)) return answer(200, { error_code: '-1', message: 'Không tìm thấy hồ sơ' });
        state.dossiers.set(item.MaHoSo, item);
        return answer(200, { error_code: '0', message: 'Thành công' });
      case DEFAULT_PORTAL_PATHS.processLog:
        checkLog(state.problems, item);
        if (!state.dossiers.has(item.MaHoSo)) state.problems.push(`log of ${item.MaHoSo} before the dossier`);
        state.logs.push(item);
        return answer(200, { error_code: '0', message: 'Thành công' });
      default:
        return answer(404, { error_code: '404', message: 'Not found' });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    ...state,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    token,
    failNext: (n) => (failures = n),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
