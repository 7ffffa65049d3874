import ExcelJS from 'exceljs';
import { AppError, type RequestContext, requirePrincipal } from '@motcua/kernel/contract';
import { readShadowIndex } from '../index766/index.service.js';
import { readableScorecards, ScorecardKind } from '../scorecards/scorecard.service.js';
import { auditEvaluation } from '../shared/audit.js';

/** The standard reports that export to Excel. */
export enum EvaluationReport {
  SCORECARDS = 'SCORECARDS',
  SHADOW_INDEX = 'SHADOW_INDEX',
}

/** A workbook ready to download. */
export interface ExportedFile {
  fileName: string;
  contentBase64: string;
}

interface Column { header: string; key: string; width: number; numFmt?: string }

async function workbook(title: string, columns: Column[], rows: Array<Record<string, unknown>>): Promise<string> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Motcua';
  const sheet = book.addWorksheet(title.slice(0, 31));
  sheet.columns = columns.map(({ header, key, width }) => ({ header, key, width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) sheet.addRow(row);
  for (const column of columns) if (column.numFmt) sheet.getColumn(column.key).numFmt = column.numFmt;
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

const SCORECARD_COLUMNS: Column[] = [
  { header: 'Mã đối tượng / Subject id', key: 'subjectId', width: 38 },
  { header: 'Bước xử lý / Steps', key: 'stepsHandled', width: 12 },
  { header: 'Trước hạn / Early', key: 'stepsEarly', width: 12 },
  { header: 'Đúng hạn / On time', key: 'stepsOnTime', width: 12 },
  { header: 'Trễ hạn / Late', key: 'stepsLate', width: 12 },
  { header: 'Tỷ lệ đúng hạn / On-time rate', key: 'onTimeRate', width: 16, numFmt: '0.0%' },
  { header: 'Yêu cầu bổ sung / Supplements', key: 'supplementRequests', width: 14 },
  { header: 'Lượt đánh giá / Ratings', key: 'ratings', width: 12 },
  { header: 'Hài lòng TB / Avg satisfaction', key: 'averageSatisfaction', width: 14, numFmt: '0.00' },
  { header: 'Phản ánh / Complaints', key: 'complaints', width: 12 },
  { header: 'Điểm tổng hợp / Composite', key: 'composite', width: 14, numFmt: '0.00' },
];

async function scorecardsFile(ctx: RequestContext, kind: ScorecardKind, period: string): Promise<ExportedFile> {
  const cards = await readableScorecards(ctx, kind, period);
  const rows = cards.map((card) => ({ subjectId: card.subjectId, ...card.figures }));
  return { fileName: `bang-diem-${kind.toLowerCase()}-${period}.xlsx`, contentBase64: await workbook(`Bảng điểm ${period}`, SCORECARD_COLUMNS, rows) };
}

const INDEX_COLUMNS: Column[] = [
  { header: 'Chỉ số / Indicator', key: 'code', width: 12 },
  { header: 'Tử số / Numerator', key: 'numerator', width: 14 },
  { header: 'Mẫu số / Denominator', key: 'denominator', width: 14 },
  { header: 'Tỷ lệ / Ratio', key: 'ratio', width: 12, numFmt: '0.00%' },
  { header: 'Ngưỡng / Threshold', key: 'threshold', width: 12 },
  { header: 'Điểm tối đa / Max', key: 'maxScore', width: 12 },
  { header: 'Điểm / Score', key: 'score', width: 12, numFmt: '0.00' },
  { header: 'Trạng thái / Status', key: 'status', width: 18 },
  { header: 'Thiếu số liệu / Missing', key: 'missing', width: 30 },
];

async function shadowIndexFile(ctx: RequestContext, agencyId: string, period: string): Promise<ExportedFile> {
  const index = await readShadowIndex(ctx, agencyId, period);
  if (!index) throw AppError.notFound({ vi: 'chỉ số 766 của kỳ', en: '766 index of the period' }, `${agencyId}/${period}`);
  const rows = [
    ...index.indicators.map((indicator) => ({ ...indicator, missing: indicator.missing.join(', ') })),
    { code: 'Tổng / Total', score: index.total, maxScore: index.maxScored, status: `${index.score100} / 100 — ${index.band}` },
  ];
  return { fileName: `chi-so-766-${period}.xlsx`, contentBase64: await workbook(`Chỉ số 766 ${period}`, INDEX_COLUMNS, rows) };
}

/**
 * A standard report as an Excel workbook, over exactly what the caller may read: the
 * scorecards of a kind for a period, or one agency's Decision 766 shadow index table.
 *
 * @example
 * await exportReport(ctx, { report: EvaluationReport.SCORECARDS, period: '2026-Q4', kind: ScorecardKind.UNIT })
 */
export async function exportReport(ctx: RequestContext, input: { report: EvaluationReport; period: string; kind?: ScorecardKind | null; agencyId?: string | null }): Promise<ExportedFile> {
  requirePrincipal(ctx);
  let file: ExportedFile;
  if (input.report === EvaluationReport.SCORECARDS) {
    file = await scorecardsFile(ctx, input.kind ?? ScorecardKind.UNIT, input.period);
  } else {
    if (!input.agencyId) throw AppError.badInput('agencyId', { vi: 'cần chọn cơ quan', en: 'an agency is required' });
    file = await shadowIndexFile(ctx, input.agencyId, input.period);
  }
  await auditEvaluation(ctx, 'report.export', 'EvaluationReport', null, { ...input });
  return file;
}
