import { InboxOutlined } from '@ant-design/icons';
import { useLanguage } from '@motcua/kernel/admin';
import { useTranslate } from '@refinedev/core';
import { Alert, Button, Card, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ExportButtons } from '../components/ExportButtons';
import { OutcomeAlert } from '../components/OutcomeAlert';
import { useRun } from '../components/use-run';
import { fileBase64, IMPORT_CATALOG, type ImportOutcome, type ImportReport, type ImportRow } from '../queries';

/** Largest catalog file the page sends (the server caps the request body too). */
const MAX_FILE_BYTES = 20_000_000;

interface Chosen { name: string; format: 'JSON' | 'EXCEL'; content: string }

const OUTCOME_COLORS: Record<ImportOutcome, string> = { CREATED: 'green', UPDATED: 'blue', SKIPPED: 'default', REJECTED: 'red' };

async function read(file: File): Promise<Chosen | null> {
  if (/\.json$/i.test(file.name)) return { name: file.name, format: 'JSON', content: await file.text() };
  if (/\.xlsx$/i.test(file.name)) return { name: file.name, format: 'EXCEL', content: await fileBase64(file) };
  return null;
}

/**
 * Imports a catalog file (JSON or Excel): a dry run first shows what each row would do
 * (created, updated, skipped, rejected and why), then "apply" imports it for real.
 */
export default function ImportPage() {
  const t = useTranslate();
  const language = useLanguage();
  const { run, running } = useRun();
  const [chosen, setChosen] = useState<Chosen>();
  const [problem, setProblem] = useState<string>();
  const [report, setReport] = useState<ImportReport>();
  const [error, setError] = useState<unknown>();

  const choose = async (file: File) => {
    setReport(undefined);
    setError(undefined);
    setProblem(undefined);
    if (file.size > MAX_FILE_BYTES) return setProblem(t('catalogImport.tooLarge', { name: file.name }));
    const loaded = await read(file);
    if (!loaded) return setProblem(t('catalogImport.wrongType', { name: file.name }));
    setChosen(loaded);
    await importFile(loaded, true);
  };

  const importFile = async (file: Chosen, dryRun: boolean) => {
    setError(undefined);
    try {
      const data = await run<{ importCatalog: ImportReport }>(IMPORT_CATALOG, { input: { format: file.format, content: file.content, dryRun } });
      setReport(data.importCatalog);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <Card title={t('catalogImport.title')} extra={<ExportButtons />}>
      <Space direction="vertical" style={{ width: '100%' }} size="large">
        <Upload.Dragger accept=".json,.xlsx" showUploadList={false} multiple={false} beforeUpload={(file) => { void choose(file); return false; }}>
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p className="ant-upload-text">{t('catalogImport.drop')}</p>
          <p className="ant-upload-hint">{t('catalogImport.hint')}</p>
        </Upload.Dragger>
        {problem && <Alert type="error" showIcon message={problem} data-testid="import-problem" />}
        {error !== undefined && <OutcomeAlert error={error} />}
        {report && chosen && (
          <Card size="small" data-testid="import-report"
            title={<Space>{chosen.name}<Tag color={report.dryRun ? 'gold' : 'green'}>{t(report.dryRun ? 'catalogImport.dryRun' : 'catalogImport.applied')}</Tag></Space>}
            extra={report.dryRun && (
              <Button type="primary" loading={running} onClick={() => importFile(chosen, false)} disabled={report.created + report.updated === 0}>{t('catalogImport.apply')}</Button>
            )}>
            <Space size="large" style={{ marginBottom: 16 }}>
              {(['created', 'updated', 'skipped', 'rejected'] as const).map((key) => (
                <Statistic key={key} title={t(`catalogImport.outcome.${key.toUpperCase()}`)} value={report[key]} />
              ))}
            </Space>
            {report.dryRun && <Typography.Paragraph type="secondary">{t('catalogImport.dryRunHint')}</Typography.Paragraph>}
            <Table<ImportRow> dataSource={report.rows} rowKey={(row) => `${row.sheet ?? ''}:${row.rowNumber}`} size="small" pagination={{ pageSize: 50, hideOnSinglePage: true }}>
              <Table.Column<ImportRow> dataIndex="rowNumber" title={t('catalogImport.row')} width={80} render={(n: number, row) => (row.sheet ? `${row.sheet} · ${n}` : n)} />
              <Table.Column<ImportRow> dataIndex="code" title={t('procedures.fields.code')} width={110} render={(code) => code ?? '—'} />
              <Table.Column<ImportRow> dataIndex="outcome" title={t('catalogImport.result')} width={130}
                render={(outcome: ImportOutcome) => <Tag color={OUTCOME_COLORS[outcome]}>{t(`catalogImport.outcome.${outcome}`)}</Tag>} />
              <Table.Column<ImportRow> key="reason" title={t('catalogImport.reason')} render={(_, row) => (language === 'en' ? row.reasonEn : row.reasonVi) ?? ''} />
            </Table>
          </Card>
        )}
      </Space>
    </Card>
  );
}
