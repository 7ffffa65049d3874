import { appendAudit, ensureCan, type RequestContext } from '@motcua/kernel/contract';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { localToday } from '../procedures/dates.js';
import { ExchangeFormat, ExportCatalogInput, ExportNode, ImportCatalogInput, ImportReportNode } from './exchange.types.js';
import { excelFromEntries, rowsFromExcel } from './excel.js';
import { exportEntries } from './export.js';
import { importRows } from './import.js';
import { jsonFromEntries, rowsFromJson } from './json.js';

/** Catalog import and export (`catalog.publish`). */
@Resolver()
export class ExchangeResolver {
  @Mutation(() => ImportReportNode, {
    description: 'Imports a catalog file (JSON text or Excel in base64), idempotent by national code, with a per-row report; `dryRun` writes nothing (`catalog.publish`). Example: `importCatalog(input: { format: JSON, content: "…", dryRun: true }) { created updated skipped rejected rows { rowNumber code outcome reasonVi } }`.',
  })
  async importCatalog(@Arg('input') input: ImportCatalogInput, @Ctx() ctx: RequestContext): Promise<ImportReportNode> {
    ensureCan(ctx, 'import', 'Procedure');
    const rows = input.format === ExchangeFormat.JSON ? rowsFromJson(input.content) : await rowsFromExcel(Buffer.from(input.content, 'base64'));
    const now = ctx.clock.now();
    const report = await importRows(ctx.em, rows, { dryRun: input.dryRun, actorId: ctx.principal!.userId, now, today: localToday(now) });
    if (!input.dryRun) {
      const { created, updated, skipped, rejected } = report;
      await appendAudit(ctx.em, { actorId: ctx.principal!.userId, action: 'catalog.import', entityType: 'Catalog', entityId: null, data: { format: input.format, created, updated, skipped, rejected } }, now);
    }
    return { ...report, rows: report.rows.map((row) => ({ ...row, reasonVi: row.reason?.vi ?? null, reasonEn: row.reason?.en ?? null })) };
  }

  @Query(() => ExportNode, {
    description: 'Exports published procedures as JSON (`motcua.catalog/v1`) or Excel (base64), the formats import reads back. Public, like the catalog itself. Example: `exportCatalog(input: { format: EXCEL, sectorCode: "TP-HOTICH" }) { fileName content }`.',
  })
  async exportCatalog(@Arg('input') input: ExportCatalogInput, @Ctx() ctx: RequestContext): Promise<ExportNode> {
    const entries = await exportEntries(ctx.em, input);
    const stamp = localToday(ctx.clock.now());
    if (input.format === ExchangeFormat.JSON) return { format: input.format, fileName: `danh-muc-tthc-${stamp}.json`, content: jsonFromEntries(entries), count: entries.length };
    return { format: input.format, fileName: `danh-muc-tthc-${stamp}.xlsx`, content: (await excelFromEntries(entries)).toString('base64'), count: entries.length };
  }
}
