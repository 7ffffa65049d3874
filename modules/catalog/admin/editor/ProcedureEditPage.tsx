import { ErrorAlert } from '@motcua/kernel/admin';
import { useCustom, useGo, useParsed, useTranslate } from '@refinedev/core';
import { Button, Card, ConfigProvider, Form, Popconfirm, Skeleton, Space, Tabs, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { DateActionButton, todayInVietnam } from '../components/DateActionButton';
import { CompletenessAlert, OutcomeAlert } from '../components/OutcomeAlert';
import { StatusTag } from '../components/StatusTag';
import { useRun } from '../components/use-run';
import { FormBuilderTab } from '../forms/FormBuilderTab';
import { CREATE_DRAFT, DELETE_DRAFT, PROCEDURE, type ProcedureDetail, PUBLISH_VERSION, RETIRE_VERSION, SET_VERSION_END, UPDATE_DRAFT } from '../queries';
import { CasesTab } from './CasesTab';
import { ChannelsTab } from './ChannelsTab';
import { contentInputOf, type EditorValues, editorValuesOf } from './content';
import { GeneralTab } from './GeneralTab';
import { LegalBasisTab } from './LegalBasisTab';
import { OfferingsTab } from './OfferingsTab';
import { VersionsTab } from './VersionsTab';

/**
 * One procedure: its open draft in an editor with tabs (or the listed version, read-only),
 * the completeness report, the lifecycle actions, the versions with their diff and the
 * agencies' offerings.
 */
export default function ProcedureEditPage() {
  const t = useTranslate();
  const go = useGo();
  const { id } = useParsed();
  const { result, query } = useCustom<{ procedure: ProcedureDetail | null }>({
    url: '',
    method: 'get',
    meta: { gqlQuery: PROCEDURE, gqlVariables: { id } },
    queryOptions: { queryKey: ['catalog', 'procedure', id] },
  });
  const [form] = Form.useForm<EditorValues>();
  const { run, running } = useRun();
  const [outcome, setOutcome] = useState<{ error?: unknown; message?: string }>({});
  const [tab, setTab] = useState('general');
  const procedure = result.data?.procedure;

  if (query.error) return <ErrorAlert error={query.error} onRetry={() => query.refetch()} />;
  if (query.isLoading) return <Skeleton active />;
  if (!procedure) return <ErrorAlert error={new Error(t('procedures.notFound'))} />;

  const draft = procedure.draft;
  const shown = draft ?? procedure.listed;
  const editing = Boolean(draft && procedure.viewerCanEditDraft);

  /** Runs an action, reloads, and reports success or the refusal above the tabs. */
  const act = async (message: string, action: () => Promise<unknown>) => {
    setOutcome({});
    try {
      await action();
      setOutcome({ message });
      await query.refetch();
    } catch (error) {
      setOutcome({ error });
      throw error;
    }
  };
  const saveDraft = async () => {
    await form.validateFields();
    await run(UPDATE_DRAFT, { input: { versionId: draft!.id, content: contentInputOf(form.getFieldsValue(true)) } });
  };
  const quietly = (promise: Promise<unknown>) => promise.catch(() => undefined);
  const save = () => quietly(act(t('procedures.saved'), saveDraft));
  const newDraft = () => quietly(act(t('procedures.draftCreated'), () => run(CREATE_DRAFT, { input: { procedureId: procedure.id } })));
  const deleteDraft = () => quietly(act(t('procedures.draftDeleted'), async () => {
    const data = await run<{ deleteProcedureDraft: { procedureDeleted: boolean } }>(DELETE_DRAFT, { versionId: draft!.id });
    if (data.deleteProcedureDraft.procedureDeleted) go({ to: '/catalog/procedures' });
  }));
  // Publishing saves the editor first, so what is published is what the user sees.
  const publish = (date: string | null) => act(t('procedures.published'), async () => {
    if (editing) await saveDraft();
    await run(PUBLISH_VERSION, { input: { versionId: draft!.id, effectiveFrom: date } });
    setTab('versions');
  });
  const lifecycle = (action: 'retire' | 'end', versionId: string, date: string | null) =>
    act(t(action === 'retire' ? 'procedures.retired' : 'procedures.endSet'), () =>
      run(action === 'retire' ? RETIRE_VERSION : SET_VERSION_END, { input: { versionId, effectiveTo: date } }));

  const formTabs = [
    { key: 'general', label: t('procedures.tabs.general'), children: <GeneralTab /> },
    { key: 'channels', label: t('procedures.tabs.channels'), children: <ChannelsTab /> },
    { key: 'cases', label: t('procedures.tabs.cases'), children: <CasesTab /> },
    { key: 'form', label: t('procedures.tabs.form'), children: <FormBuilderTab disabled={!editing} /> },
    { key: 'legal', label: t('procedures.tabs.legal'), children: <LegalBasisTab /> },
  ].map((item) => ({ ...item, forceRender: true }));
  // These tabs act on their own, also while the content form is read-only.
  const enabled = (children: ReactNode) => <ConfigProvider componentDisabled={false}>{children}</ConfigProvider>;
  const otherTabs = [
    { key: 'versions', label: t('procedures.tabs.versions'), children: enabled(<VersionsTab procedure={procedure} onAction={lifecycle} />) },
    { key: 'offerings', label: t('procedures.tabs.offerings'), children: enabled(<OfferingsTab procedure={procedure} onChanged={() => query.refetch()} />) },
  ];

  return (
    <Card
      title={
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>{procedure.code} — {procedure.name}</Typography.Title>
          {shown && <StatusTag status={shown.status} />}
          {shown && <Typography.Text type="secondary">{t('procedures.versionN', { n: shown.number })}</Typography.Text>}
        </Space>
      }
      extra={
        <Space wrap>
          <Button onClick={() => go({ to: '/catalog/procedures' })}>{t('procedures.backToList')}</Button>
          {!draft && procedure.viewerCanDraft && <Button type="primary" loading={running} onClick={newDraft}>{t('procedures.newDraft')}</Button>}
          {editing && (
            <Popconfirm title={t('procedures.deleteDraftConfirm')} okText={t('buttons.delete')} cancelText={t('buttons.cancel')} okButtonProps={{ danger: true }} onConfirm={deleteDraft}>
              <Button danger>{t('procedures.deleteDraft')}</Button>
            </Popconfirm>
          )}
          {editing && <Button type="primary" loading={running} onClick={save}>{t('buttons.save')}</Button>}
          {draft && procedure.viewerCanPublish && (
            <DateActionButton type="primary" label={t('procedures.publish')} title={t('procedures.publishTitle', { n: draft.number })} initial={todayInVietnam()} onConfirm={publish} />
          )}
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {draft && <CompletenessAlert missing={draft.missingParts} />}
        {draft && !procedure.viewerCanPublish && <Typography.Text type="secondary">{t('procedures.publishByCatalogAdmin')}</Typography.Text>}
        {outcome.error !== undefined && <OutcomeAlert error={outcome.error} />}
        {outcome.message && <Typography.Text type="success" role="status">{outcome.message}</Typography.Text>}
      </Space>
      {shown ? (
        <Form form={form} layout="vertical" disabled={!editing} key={`${shown.id}:${shown.updatedAt}`} initialValues={editorValuesOf(shown)} style={{ marginTop: 12 }}>
          <Tabs activeKey={tab} onChange={setTab} items={[...formTabs, ...otherTabs]} />
        </Form>
      ) : null}
    </Card>
  );
}
