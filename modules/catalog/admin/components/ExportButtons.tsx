import { DownloadOutlined } from '@ant-design/icons';
import { useDataProvider, useTranslate } from '@refinedev/core';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { type CatalogExport, EXPORT_CATALOG } from '../queries';
import { OutcomeAlert } from './OutcomeAlert';

const MIME = { JSON: 'application/json', EXCEL: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

/** The file's bytes: JSON comes as text, Excel as base64. */
function blobOf(file: CatalogExport): Blob {
  if (file.format === 'JSON') return new Blob([file.content], { type: MIME.JSON });
  return new Blob([Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0))], { type: MIME.EXCEL });
}

function download(file: CatalogExport): void {
  const url = URL.createObjectURL(blobOf(file));
  const link = Object.assign(document.createElement('a'), { href: url, download: file.fileName });
  link.click();
  URL.revokeObjectURL(url);
}

/** Downloads the published catalog as JSON or Excel, the formats the import reads back. */
export function ExportButtons() {
  const t = useTranslate();
  const dataProvider = useDataProvider();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<unknown>();
  const exportAs = async (format: CatalogExport['format']) => {
    setBusy(format);
    setError(undefined);
    try {
      const { data } = await dataProvider().custom!<{ exportCatalog: CatalogExport }>({ url: '', method: 'get', meta: { gqlQuery: EXPORT_CATALOG, gqlVariables: { input: { format } } } });
      download(data.exportCatalog);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Space direction="vertical">
      <Space>
        <Button icon={<DownloadOutlined />} loading={busy === 'JSON'} onClick={() => exportAs('JSON')}>{t('catalogImport.exportJson')}</Button>
        <Button icon={<DownloadOutlined />} loading={busy === 'EXCEL'} onClick={() => exportAs('EXCEL')}>{t('catalogImport.exportExcel')}</Button>
      </Space>
      {error !== undefined && <OutcomeAlert error={error} />}
    </Space>
  );
}
