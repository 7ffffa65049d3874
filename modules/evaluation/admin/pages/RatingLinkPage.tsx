import { ErrorAlert } from '@motcua/kernel/admin';
import { useParsed, useTranslate } from '@refinedev/core';
import { Layout, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useGql, useGqlMutation } from '../hooks';
import { type Question, RATE_BY_LINK, RATING_FORM } from '../queries';
import { RatingForm } from '../RatingForm';

/** Public: the page of the signed link in the result email (`/danh-gia/:token`), no sign-in. */
export default function RatingLinkPage() {
  const t = useTranslate();
  const { params } = useParsed<{ token: string }>();
  const token = params?.token ?? '';
  const form = useGql<{ ratingForm: { dossierCode: string | null; rated: boolean; questions: Question[] } }>(RATING_FORM, { token }, Boolean(token));
  const { run, isPending } = useGqlMutation();
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>();
  const send = async (answers: Array<{ code: string; level: number }>, comment: string) => {
    try {
      await run(RATE_BY_LINK, { token, answers, comment: comment || null });
      setSent(true);
    } catch (caught) {
      setError(caught);
    }
  };
  const data = form.data?.ratingForm;
  return (
    <Layout style={{ minHeight: '100vh', padding: 24 }}>
      <div style={{ maxWidth: 900, margin: '0 auto', width: '100%' }}>
        <Typography.Title level={2}>{t('rating.title')}</Typography.Title>
        {form.isLoading && <Spin size="large" />}
        {(form.error || error !== undefined) && <ErrorAlert error={form.error ?? error} />}
        {data && <Typography.Paragraph style={{ fontSize: 18 }}>{t('rating.dossierCode')}: <strong>{data.dossierCode}</strong></Typography.Paragraph>}
        {sent ? <div data-testid="rating-thanks"><Result status="success" title={t('rating.thanks')} /></div>
          : data?.rated ? <Result status="info" title={t('rating.already')} />
            : data && <RatingForm questions={data.questions} sending={isPending} onSend={(answers, comment) => void send(answers, comment)} />}
      </div>
    </Layout>
  );
}
