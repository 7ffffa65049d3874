import { ErrorAlert } from '@motcua/kernel/admin';
import { useDataProvider, useTranslate } from '@refinedev/core';
import { Button, type ButtonProps } from 'antd';
import type { DocumentNode } from 'graphql';
import { type ReactNode, useState } from 'react';
import { DOSSIER_FORM } from '../queries';

interface GeneratedFile { fileName: string; mediaType: string; contentBase64: string }

/** Hands the browser a file to save (and print), named as the server named it. */
function saveFile(file: GeneratedFile): void {
  const bytes = Uint8Array.from(atob(file.contentBase64), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mediaType }));
  const link = Object.assign(document.createElement('a'), { href: url, download: file.fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

interface DownloadButtonProps {
  /** A query with one field returning a `GeneratedFile` (`{ fileName mediaType contentBase64 }`). */
  query: DocumentNode;
  variables: Record<string, unknown>;
  children: ReactNode;
  testId: string;
  size?: ButtonProps['size'];
  icon?: ReactNode;
  disabled?: boolean;
}

/**
 * A button that runs a query returning a generated file and saves what it returns; errors show
 * below it, translated.
 *
 * @example
 * <DownloadButton query={TRACKING_BOOK} variables={{ unitId, from, to, format: 'XLSX' }} testId="book-xlsx">Tải Excel</DownloadButton>
 */
export function DownloadButton({ query, variables, children, testId, size, icon, disabled }: DownloadButtonProps) {
  const dataProvider = useDataProvider();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const download = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const { data } = await dataProvider().custom!({ url: '', method: 'get', meta: { gqlQuery: query, gqlVariables: variables } });
      saveFile(Object.values(data as Record<string, GeneratedFile>)[0]!);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size={size} icon={icon} loading={busy} disabled={disabled} onClick={download} data-testid={testId}>{children}</Button>
      {error ? <ErrorAlert error={error} /> : null}
    </>
  );
}

/** A button that downloads a form issued for the dossier (e.g. Mẫu 01) exactly as stored. */
export function FormDownload({ dossierId, sha256 }: { dossierId: string; sha256: string }) {
  const t = useTranslate();
  return <DownloadButton query={DOSSIER_FORM} variables={{ id: dossierId, sha256 }} size="small" testId="form-download">{t('reception.download')}</DownloadButton>;
}
