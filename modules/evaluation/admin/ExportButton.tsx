import { FileExcelOutlined } from '@ant-design/icons';
import { useDataProvider, useTranslate } from '@refinedev/core';
import { Button, message } from 'antd';
import { useState } from 'react';
import { REPORT_XLSX } from './queries';

/** Downloads a standard report of the period as an Excel workbook built by the server. */
export function ExportButton({ report, period, kind }: { report: 'SCORECARDS' | 'SHADOW_INDEX'; period: string; kind?: string }) {
  const t = useTranslate();
  const dataProvider = useDataProvider();
  const [isPending, setPending] = useState(false);
  const download = async () => {
    setPending(true);
    try {
      const { data } = await dataProvider().custom!({ url: '', method: 'get', meta: { gqlQuery: REPORT_XLSX, gqlVariables: { input: { report, period, kind } } } });
      const file = (data as unknown as { evaluationReportXlsx: { fileName: string; contentBase64: string } }).evaluationReportXlsx;
      const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
      link.download = file.fileName;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (caught) {
      void message.error((caught as Error).message);
    } finally {
      setPending(false);
    }
  };
  return <Button icon={<FileExcelOutlined />} loading={isPending} onClick={() => void download()} data-testid={`export-${report}`}>{t('evaluation.export')}</Button>;
}
