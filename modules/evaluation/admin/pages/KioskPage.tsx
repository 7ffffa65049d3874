import { ErrorAlert } from '@motcua/kernel/admin';
import { useTranslate } from '@refinedev/core';
import { Button, Input, Layout, Result, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useGql, useGqlMutation } from '../hooks';
import { type Question, QUESTIONNAIRE, RATE_AT_KIOSK } from '../queries';
import { RatingForm } from '../RatingForm';

const RESET_MS = 8_000;

/**
 * Full screen on the desk's tablet (signed in as desk staff): the citizen types the dossier
 * code, answers with large buttons, and the page returns to the start by itself.
 */
export default function KioskPage() {
  const t = useTranslate();
  const questionnaire = useGql<{ evaluationQuestionnaire: { configJson: string } }>(QUESTIONNAIRE, {});
  const questions: Question[] = questionnaire.data ? JSON.parse(questionnaire.data.evaluationQuestionnaire.configJson).satisfactionQuestions : [];
  const { run, isPending } = useGqlMutation();
  const [code, setCode] = useState('');
  const [started, setStarted] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>();
  const reset = () => { setCode(''); setStarted(false); setSent(false); setError(undefined); };
  useEffect(() => {
    if (!sent) return undefined;
    const timer = setTimeout(reset, RESET_MS);
    return () => clearTimeout(timer);
  }, [sent]);
  const send = async (answers: Array<{ code: string; level: number }>, comment: string) => {
    setError(undefined);
    try {
      await run(RATE_AT_KIOSK, { code: code.trim(), answers, comment: comment || null });
      setSent(true);
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <Layout style={{ minHeight: '100vh', padding: 32, background: '#f0f5ff' }} data-testid="kiosk">
      <div style={{ maxWidth: 1000, margin: '0 auto', width: '100%' }}>
        <Typography.Title style={{ textAlign: 'center', fontSize: 40 }}>{t('rating.title')}</Typography.Title>
        {error !== undefined && <ErrorAlert error={error} />}
        {sent ? (
          <div data-testid="rating-thanks">
            <Result status="success" title={<span style={{ fontSize: 32 }}>{t('rating.thanks')}</span>}
              extra={<Button size="large" style={{ height: 64, fontSize: 22 }} onClick={reset}>{t('rating.again')}</Button>} />
          </div>
        ) : !started ? (
          <div style={{ textAlign: 'center' }}>
            <Typography.Paragraph style={{ fontSize: 24 }}>{t('rating.codePrompt')}</Typography.Paragraph>
            <Input size="large" value={code} onChange={(e) => setCode(e.target.value)} placeholder={t('rating.dossierCode')} data-testid="kiosk-code"
              style={{ fontSize: 32, height: 80, textAlign: 'center', maxWidth: 600 }} onPressEnter={() => code.trim() && setStarted(true)} />
            <div style={{ marginTop: 24 }}>
              <Button type="primary" size="large" disabled={!code.trim()} onClick={() => setStarted(true)} style={{ height: 72, fontSize: 24, minWidth: 320 }}>{t('rating.start')}</Button>
            </div>
          </div>
        ) : (
          <>
            <Typography.Paragraph style={{ fontSize: 20 }}>{t('rating.dossierCode')}: <strong>{code}</strong> <Button type="link" onClick={reset}>✕</Button></Typography.Paragraph>
            <RatingForm questions={questions} sending={isPending} onSend={(answers, comment) => void send(answers, comment)} />
          </>
        )}
      </div>
    </Layout>
  );
}
