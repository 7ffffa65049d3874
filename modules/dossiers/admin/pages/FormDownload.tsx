import { ErrorAlert } from '@motcua/kernel/admin';
import { useDataProvider, useTranslate } from '@refinedev/core';
import { Button } from 'antd';
import { useState } from 'react';
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

/** A button that downloads a form issued for the dossier (e.g. Mẫu 01) exactly as stored. */
export function FormDownload({ dossierId, sha256 }: { dossierId: string; sha256: string }) {
  const t = useTranslate();
  const dataProvider = useDataProvider();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const download = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const { data } = await dataProvider().custom!<{ dossierForm: GeneratedFile }>({ url: '', method: 'get', meta: { gqlQuery: DOSSIER_FORM, gqlVariables: { id: dossierId, sha256 } } });
      saveFile((data as unknown as { dossierForm: GeneratedFile }).dossierForm);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" loading={busy} onClick={download} data-testid="form-download">{t('reception.download')}</Button>
      {error ? <ErrorAlert error={error} /> : null}
    </>
  );
}
