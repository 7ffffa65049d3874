import { ErrorAlert, isApiError, useLanguage } from '@motcua/kernel/admin';
import { useGetIdentity, useNavigation, useResourceParams, useTranslate } from '@refinedev/core';
import { Alert, Button, Card, Form, Input, InputNumber, List, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useGqlQuery, useGqlRun } from '../api';
import { connect, disconnect, type DraftStep, problemsByStep, removeStep, toDraft, toStepInput, upsertStep } from './draft';
import { ProcessGraph } from './ProcessGraph';
import {
  AGENCY_UNITS, CREATE_PROCESS, PROCESS, type ProcessProblem, type ProcessRecord, PUBLISH_PROCESS, type RoleOption, SIMULATE_PROCESS, type SimulationReport,
  STEP_ROLES, TIME_LIMIT_UNITS, type TimeLimit, type UnitOption, UPDATE_PROCESS,
} from './queries';
import { type SimulationInput, SimulationPanel } from './SimulationPanel';
import { NEW_STEP, StepDrawer } from './StepDrawer';

interface Header { code: string; name: string; statutoryLimit: TimeLimit; startStepCode?: string }

const roleHolderKey = (step: DraftStep) => (step.unitId ? `${step.roleKey}@${step.unitId}` : step.roleKey);

/** The problems the server attached to a refused publish (`extensions.details.problems`). */
function refusedProblems(error: unknown): ProcessProblem[] | undefined {
  if (!isApiError(error, 'PROCESS_INVALID')) return undefined;
  return (error.details as { problems?: (Omit<ProcessProblem, 'message' | 'messageEn'> & { message: { vi: string; en: string } })[] } | undefined)?.problems
    ?.map((problem) => ({ code: problem.code, stepCode: problem.stepCode ?? null, details: null, message: problem.message.vi, messageEn: problem.message.en }));
}

/**
 * The process designer: the header (code, name, statutory limit, start step), the step graph
 * with each step's form, the server's validation shown on the graph, save as draft, simulate
 * and publish. Serves both `/workflow/processes/create` and `/workflow/processes/edit/:id`.
 */
export default function ProcessDesignerPage() {
  const t = useTranslate();
  const language = useLanguage();
  const { id } = useResourceParams();
  const { edit } = useNavigation();
  const { data: me } = useGetIdentity<{ agencyId: string | null }>();
  const loaded = useGqlQuery<{ process: ProcessRecord }>(PROCESS, ['process', id], { id }, Boolean(id));
  const [saved, setSaved] = useState<ProcessRecord>();
  const [steps, setSteps] = useState<DraftStep[]>([]);
  const [dirty, setDirty] = useState(false);
  const [editing, setEditing] = useState<{ step: DraftStep; code?: string }>();
  const [report, setReport] = useState<SimulationReport>();
  const [header] = Form.useForm<Header>();
  const saving = useGqlRun();
  const simulating = useGqlRun();

  const agencyId = saved?.agencyId ?? me?.agencyId ?? undefined;
  const roles = useGqlQuery<{ roles: { nodes: RoleOption[] } }>(STEP_ROLES, ['stepRoles', agencyId], { filter: { agencyId } }, Boolean(agencyId));
  const units = useGqlQuery<{ agencies: { nodes: UnitOption[] } }>(AGENCY_UNITS, ['units', agencyId], { filter: { withinId: agencyId } }, Boolean(agencyId));

  const show = (process: ProcessRecord) => {
    setSaved(process);
    setSteps(process.steps.map(toDraft));
    setDirty(false);
    header.setFieldsValue({ code: process.code, name: process.name, statutoryLimit: process.statutoryLimit, startStepCode: process.startStepCode });
  };
  const fromServer = loaded.data?.process;
  useEffect(() => {
    if (fromServer) show(fromServer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fromServer]);

  const change = (next: DraftStep[]) => (setSteps(next), setDirty(true));
  const startStepCode = Form.useWatch('startStepCode', header) ?? steps[0]?.code ?? '';
  const codes = steps.map((step) => step.code);
  const roleKeys = [...new Set(steps.map(roleHolderKey).filter(Boolean))];

  const save = async () => {
    const values = await header.validateFields();
    const start = values.startStepCode && codes.includes(values.startStepCode) ? values.startStepCode : codes[0] ?? '';
    const common = { name: values.name.trim(), statutoryLimit: values.statutoryLimit, startStepCode: start, steps: steps.map(toStepInput) };
    const result = saved
      ? await saving.run<{ updateProcess: { process: ProcessRecord } }>(UPDATE_PROCESS, { input: { id: saved.id, version: saved.latestVersion, ...common } }, { success: t('processes.saved') })
      : await saving.run<{ createProcess: { process: ProcessRecord } }>(CREATE_PROCESS, { input: { agencyId, code: values.code.trim(), ...common } }, { success: t('processes.saved') });
    const process = result && ('updateProcess' in result ? result.updateProcess.process : result.createProcess.process);
    if (!process) return;
    show(process);
    if (!saved) edit('processes', process.id, 'replace');
  };

  const publish = async () => {
    if (!saved) return;
    const result = await saving.run<{ publishProcess: { process: ProcessRecord } }>(PUBLISH_PROCESS, { input: { id: saved.id, version: saved.version } }, { success: t('processes.published') });
    if (result) show(result.publishProcess.process);
  };

  const runSimulation = (input: Omit<SimulationInput, 'staffPerRole'>, staffPerRole?: SimulationInput['staffPerRole']) =>
    simulating.run<{ simulateProcess: SimulationReport }>(SIMULATE_PROCESS, {
      definitionId: saved?.id,
      input: { dossiers: input.dossiers, arrivalsPerDay: input.arrivalsPerDay, seed: input.seed, staffPerRole },
    }, { query: true });

  /**
   * The API takes staff for every role or for none (a role left out has no staff), so roles the
   * admin left empty get the agency's current holders, learnt from a one-dossier run if needed.
   */
  const completeStaff = async (input: SimulationInput, roleKeys: string[]) => {
    if (!input.staffPerRole.length) return undefined;
    const given = new Map(input.staffPerRole.map((entry) => [entry.roleHolderKey, entry.count]));
    if (roleKeys.every((key) => given.has(key))) return input.staffPerRole;
    const current = report?.roles ?? (await runSimulation({ ...input, dossiers: 1 }))?.simulateProcess.roles ?? [];
    const holders = new Map(current.map((role) => [role.roleHolderKey, role.staff]));
    return roleKeys.map((key) => ({ roleHolderKey: key, count: given.get(key) ?? holders.get(key) ?? 0 }));
  };

  const simulate = async (input: SimulationInput) => {
    if (!saved) return;
    const result = await runSimulation(input, await completeStaff(input, roleKeys));
    if (result) setReport(result.simulateProcess);
  };

  // A refused publish (staff changed since the save) reports its problems like a save does.
  const refused = useMemo(() => refusedProblems(saving.error), [saving.error]);
  const shownProblems = useMemo(() => refused ?? (saved && !dirty ? saved.problems : []), [refused, saved, dirty]);
  const problems = useMemo(() => problemsByStep(shownProblems), [shownProblems]);
  const canPublish = Boolean(saved) && !dirty && saved?.status === 'DRAFT' && saved.problems.length === 0;

  if (id && loaded.query.error) return <ErrorAlert error={loaded.query.error} onRetry={() => void loaded.query.refetch()} />;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>{saved ? t('processes.designerTitle', { name: saved.name }) : t('processes.titles.create')}</Typography.Title>
      {saved && (
        <Space wrap data-testid="process-status">
          <Tag color={saved.status === 'PUBLISHED' ? 'green' : 'orange'}>{t(`processes.status.${saved.status}`)}</Tag>
          <Typography.Text type="secondary">{t('processes.versionLine', { version: saved.version, published: saved.publishedVersion ?? '—' })}</Typography.Text>
          {dirty && <Tag color="gold">{t('processes.unsaved')}</Tag>}
        </Space>
      )}
      <Card>
        <Form form={header} name="process" layout="inline" initialValues={{ statutoryLimit: { value: 5, unit: 'WORKING_DAYS' } }} onValuesChange={() => setDirty(true)} style={{ rowGap: 8 }}>
          <Form.Item name="code" label={t('processes.fields.code')} rules={[{ required: true, message: t('processes.rules.codeRequired') }]}>
            <Input disabled={Boolean(saved)} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="name" label={t('processes.fields.name')} rules={[{ required: true, whitespace: true, message: t('processes.rules.nameRequired') }]}>
            <Input style={{ width: 320 }} />
          </Form.Item>
          <Form.Item label={t('processes.fields.statutoryLimit')} required>
            <Space.Compact>
              <Form.Item name={['statutoryLimit', 'value']} noStyle rules={[{ required: true, message: t('processes.rules.quotaRequired') }]}>
                <InputNumber min={0} aria-label={t('processes.fields.statutoryLimitValue')} style={{ width: 90 }} />
              </Form.Item>
              <Form.Item name={['statutoryLimit', 'unit']} noStyle>
                <Select aria-label={t('processes.fields.statutoryLimitUnit')} style={{ width: 200 }} options={TIME_LIMIT_UNITS.map((unit) => ({ value: unit, label: t(`processes.units.${unit}`) }))} />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
          <Form.Item name="startStepCode" label={t('processes.fields.startStep')}>
            <Select style={{ width: 180 }} placeholder={codes[0]} options={codes.map((code) => ({ value: code, label: code }))} />
          </Form.Item>
        </Form>
      </Card>
      <Card title={t('processes.graph.title')} extra={
        <Space>
          <Button onClick={() => setEditing({ step: NEW_STEP })}>{t('processes.addStep')}</Button>
          <Button type="primary" onClick={() => void save()} loading={saving.pending} disabled={!agencyId}>{t('processes.saveDraft')}</Button>
          <Button onClick={() => void publish()} disabled={!canPublish} loading={saving.pending}>{t('processes.publish')}</Button>
        </Space>
      }>
        <Typography.Paragraph type="secondary">{t('processes.graph.hint')}</Typography.Paragraph>
        <ProcessGraph steps={steps} startCode={startStepCode} problems={problems}
          onOpenStep={(code) => { const step = steps.find((candidate) => candidate.code === code); if (step) setEditing({ step, code }); }}
          onConnect={(from, to) => change(connect(steps, from, to))}
          onRemoveEdge={(edge) => change(disconnect(steps, edge))} />
      </Card>
      {saving.error !== undefined && !refused && <ErrorAlert error={saving.error} />}
      {saved && !dirty && shownProblems.length === 0 && saved.status === 'DRAFT' && <Alert type="success" showIcon message={t('processes.valid')} data-testid="process-valid" />}
      {dirty && saved && <Alert type="info" showIcon message={t('processes.saveToValidate')} />}
      {shownProblems.length > 0 && (
        <Alert type="error" showIcon message={t('processes.problemsTitle', { count: shownProblems.length })} data-testid="process-problems"
          description={
            <List size="small" dataSource={shownProblems} renderItem={(problem) => (
              <List.Item>
                <Space>
                  {problem.stepCode && <Tag color="red">{problem.stepCode}</Tag>}
                  <Typography.Text>{language === 'en' ? problem.messageEn : problem.message}</Typography.Text>
                </Space>
              </List.Item>
            )} />
          } />
      )}
      {saved && (
        <>
          {dirty && <Alert type="warning" showIcon message={t('processes.simulation.saveFirst')} />}
          {simulating.error !== undefined && <ErrorAlert error={simulating.error} />}
          <SimulationPanel roleKeys={roleKeys} report={report} running={simulating.pending} onRun={(input) => void simulate(input)} />
        </>
      )}
      <StepDrawer
        step={editing?.step}
        isNew={editing?.code === undefined}
        otherCodes={codes.filter((code) => code !== editing?.code)}
        roles={roles.data?.roles.nodes ?? []}
        units={units.data?.agencies.nodes ?? []}
        onSave={(step) => (change(upsertStep(steps, step, editing?.code)), setEditing(undefined))}
        onRemove={() => (editing?.code && change(removeStep(steps, editing.code)), setEditing(undefined))}
        onClose={() => setEditing(undefined)}
      />
    </Space>
  );
}
