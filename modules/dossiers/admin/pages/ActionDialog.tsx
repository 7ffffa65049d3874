import { ErrorAlert } from '@motcua/kernel/admin';
import { useTranslate } from '@refinedev/core';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useGqlMutation } from '../hooks';
import { ACTION_MUTATIONS, type DossierDetail, type OfficeAction } from '../queries';

/** A step action of the open workflow task and its target steps. */
export interface StepChoice { action: string; to: string[] }

/** Which fields each action's small form asks for (the rest only confirm). */
const FIELDS: Partial<Record<OfficeAction, 'missing' | 'reasons' | 'step' | 'apology' | 'result' | 'return'>> = {
  REQUEST_COMPLETION: 'missing', REQUEST_SUPPLEMENT: 'missing', REFUSE_AT_RECEPTION: 'reasons', STOP_PROCESSING: 'reasons',
  FORWARD: 'step', HAND_OVER: 'step', ISSUE_APOLOGY: 'apology', APPROVE_RESULT: 'result', RETURN_RESULT: 'return',
};

interface Values {
  missing?: string; reasons?: string; action?: string; comment?: string; reason?: string; newDueAt?: { toISOString(): string };
  number?: string; method?: string; recipient?: string;
}

const lines = (text = '') => text.split('\n').map((line) => line.trim()).filter(Boolean);

/** The mutation input of an action from its form's values. */
function inputOf(action: OfficeAction, id: string, values: Values, stepActions: StepChoice[], taskId?: string): Record<string, unknown> {
  switch (FIELDS[action]) {
    case 'missing': return { id, missing: lines(values.missing) };
    case 'reasons': return { id, reasons: lines(values.reasons) };
    case 'step': {
      const step = stepActions.find((s) => s.action === values.action);
      return { id, taskId, action: values.action, comment: values.comment || undefined, to: step && step.to.length > 1 ? step.to.slice(0, 1) : undefined };
    }
    case 'apology': return { id, reason: values.reason, newDueAt: values.newDueAt?.toISOString() };
    case 'result': return { id, number: values.number, signedOn: new Date().toISOString() };
    case 'return': return { id, method: values.method, recipient: values.recipient };
    default: return { id };
  }
}

/**
 * A small form for one lifecycle action on dossier `dossierId` (`taskId`: the workflow task a step
 * action is for); calls `onDone` with the dossier as the server returns it.
 */
export function ActionDialog({ action, dossierId, applicantName, stepActions, taskId, onClose, onDone }: {
  action: OfficeAction; dossierId: string; applicantName?: string; stepActions: StepChoice[]; taskId?: string; onClose: () => void; onDone: (next: DossierDetail) => void;
}) {
  const t = useTranslate();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const { run, isPending } = useGqlMutation<Record<string, DossierDetail>>();
  const kind = FIELDS[action];
  const submit = async (values: Values) => {
    setError(undefined);
    try {
      const data = await run(ACTION_MUTATIONS[action], { input: inputOf(action, dossierId, values, stepActions, taskId) });
      onDone(Object.values(data)[0]!);
    } catch (caught) {
      setError(caught);
    }
  };
  const required = [{ required: true, whitespace: true }];
  return (
    <Modal open title={t(`dossiers.actions.${action}`)} okText={t('dossiers.confirm')} cancelText={t('dossiers.cancel')} confirmLoading={isPending}
      onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ 'data-testid': 'action-ok' } as Record<string, string>} destroyOnClose>
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}
        initialValues={{ action: stepActions[0]?.action, method: 'AT_DESK', recipient: applicantName }}>
        {kind === 'missing' && <Form.Item name="missing" label={t('dossiers.form.missing')} rules={required}><Input.TextArea rows={4} data-testid="action-missing" /></Form.Item>}
        {kind === 'reasons' && <Form.Item name="reasons" label={t('dossiers.form.reasons')} rules={required}><Input.TextArea rows={4} data-testid="action-reasons" /></Form.Item>}
        {kind === 'step' && (
          <>
            <Form.Item name="action" label={t('dossiers.form.stepAction')} rules={[{ required: true }]}>
              <Select data-testid="action-step" options={stepActions.filter((s) => s.action !== 'REQUEST_SUPPLEMENT').map((s) => ({ value: s.action, label: t(`dossiers.stepActions.${s.action}`) }))} />
            </Form.Item>
            <Form.Item name="comment" label={t('dossiers.form.comment')}><Input.TextArea rows={3} data-testid="action-comment" /></Form.Item>
          </>
        )}
        {kind === 'apology' && (
          <>
            <Form.Item name="reason" label={t('dossiers.form.reason')} rules={required}><Input.TextArea rows={3} /></Form.Item>
            <Form.Item name="newDueAt" label={t('dossiers.form.newDueAt')} rules={[{ required: true }]}><DatePicker showTime format="DD/MM/YYYY HH:mm" /></Form.Item>
          </>
        )}
        {kind === 'result' && <Form.Item name="number" label={t('dossiers.form.number')} rules={required}><Input placeholder="15/QĐ-STP" data-testid="action-number" /></Form.Item>}
        {kind === 'return' && (
          <>
            <Form.Item name="method" label={t('dossiers.form.method')} rules={[{ required: true }]}>
              <Select options={['AT_DESK', 'BY_POST', 'ONLINE'].map((m) => ({ value: m, label: t(`dossiers.returnMethods.${m}`) }))} />
            </Form.Item>
            <Form.Item name="recipient" label={t('dossiers.form.recipient')} rules={required}><Input data-testid="action-recipient" /></Form.Item>
          </>
        )}
        {!kind && t('dossiers.form.confirm')}
        {error !== undefined && <ErrorAlert error={error} />}
      </Form>
    </Modal>
  );
}
