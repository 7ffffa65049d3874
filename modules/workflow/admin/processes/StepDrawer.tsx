import { useLocalized } from '@motcua/kernel/admin';
import { useTranslate } from '@refinedev/core';
import { Button, Drawer, Form, Input, InputNumber, Popconfirm, Select, Space } from 'antd';
import { type DraftStep, OTHER_ACTIONS, STEP_CODE, TARGETED_OTHER_ACTIONS } from './draft';
import { type RoleOption, STEP_KINDS, type StepAction, TIME_LIMIT_UNITS, type UnitOption } from './queries';

/** A new step's defaults. */
export const NEW_STEP: DraftStep = { code: '', name: '', kind: 'TASK', roleKey: '', unitId: null, quota: { value: 1, unit: 'WORKING_DAYS' }, next: [], actions: [], targets: {} };

type StepForm = Omit<DraftStep, 'targets'> & { targets?: Partial<Record<StepAction, string[]>> };

export interface StepDrawerProps {
  /** The step edited; NEW_STEP for a new one; undefined when closed. */
  step?: DraftStep;
  isNew: boolean;
  /** Codes of the other steps (targets to choose from). */
  otherCodes: string[];
  roles: RoleOption[];
  units: UnitOption[];
  onSave(step: DraftStep): void;
  onRemove(): void;
  onClose(): void;
}

/**
 * The form of one step: code, name, kind, who acts (role, optionally a unit), quota, the next
 * steps (forward edges: the accessible way to connect steps) and the other allowed actions
 * with their targets.
 */
export function StepDrawer({ step, isNew, otherCodes, roles, units, onSave, onRemove, onClose }: StepDrawerProps) {
  const t = useTranslate();
  return (
    <Drawer open={step !== undefined} onClose={onClose} width={480} destroyOnHidden title={isNew ? t('processes.step.addTitle') : t('processes.step.editTitle', { code: step?.code })}
      extra={!isNew && (
        <Popconfirm title={t('processes.step.removeConfirm')} okText={t('processes.step.remove')} cancelText={t('buttons.cancel')} okButtonProps={{ danger: true }} onConfirm={onRemove}>
          <Button danger>{t('processes.step.remove')}</Button>
        </Popconfirm>
      )}>
      {/* A new form per opening, so it starts from the step's values and nothing of the last one. */}
      {step && <StepFormBody step={step} otherCodes={otherCodes} roles={roles} units={units} onSave={onSave} onClose={onClose} />}
    </Drawer>
  );
}

/** The step's fields; mounted anew each time the drawer opens. */
function StepFormBody({ step, otherCodes, roles, units, onSave, onClose }: Omit<StepDrawerProps, 'isNew' | 'onRemove'> & { step: DraftStep }) {
  const t = useTranslate();
  const localized = useLocalized();
  const [form] = Form.useForm<StepForm>();
  const actions = Form.useWatch('actions', form) ?? [];

  const codes = otherCodes.map((code) => ({ value: code, label: code }));
  const save = (values: StepForm) => onSave({ ...values, code: values.code.trim(), name: values.name.trim(), unitId: values.unitId ?? null, next: values.next ?? [], actions: values.actions ?? [], targets: values.targets ?? {} });
  const roleOptions = roles.map((role) => ({ value: role.key, label: `${localized(role.name, role.nameEn)} (${role.key})` }));

  return (
    <Form form={form} name="step" layout="vertical" initialValues={step} onFinish={save} data-testid="step-form">
      <Form.Item name="code" label={t('processes.step.code')} extra={t('processes.step.codeHint')}
        rules={[{ required: true, message: t('processes.rules.codeRequired') }, { pattern: STEP_CODE, message: t('processes.rules.codePattern') },
          { validator: (_, value: string) => (otherCodes.includes(value?.trim()) ? Promise.reject(new Error(t('processes.rules.codeTaken'))) : Promise.resolve()) }]}>
        <Input />
      </Form.Item>
      <Form.Item name="name" label={t('processes.step.name')} rules={[{ required: true, whitespace: true, message: t('processes.rules.nameRequired') }]}>
        <Input />
      </Form.Item>
      <Form.Item name="kind" label={t('processes.step.kind')} extra={t('processes.step.kindHint')}>
        <Select options={STEP_KINDS.map((kind) => ({ value: kind, label: t(`processes.kinds.${kind}`) }))} />
      </Form.Item>
      <Form.Item name="roleKey" label={t('processes.step.role')} rules={[{ required: true, message: t('processes.rules.roleRequired') }]}>
        <Select showSearch optionFilterProp="label" options={roleOptions} />
      </Form.Item>
      <Form.Item name="unitId" label={t('processes.step.unit')} extra={t('processes.step.unitHint')}>
        <Select allowClear showSearch optionFilterProp="label" options={units.map((unit) => ({ value: unit.id, label: `${unit.name} (${unit.code})` }))} />
      </Form.Item>
      <Form.Item label={t('processes.step.quota')} required>
        <Space.Compact>
          <Form.Item name={['quota', 'value']} noStyle rules={[{ required: true, message: t('processes.rules.quotaRequired') }]}>
            <InputNumber min={0} step={0.5} aria-label={t('processes.step.quotaValue')} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name={['quota', 'unit']} noStyle>
            <Select aria-label={t('processes.step.quotaUnit')} style={{ width: 220 }} options={TIME_LIMIT_UNITS.map((unit) => ({ value: unit, label: t(`processes.units.${unit}`) }))} />
          </Form.Item>
        </Space.Compact>
      </Form.Item>
      <Form.Item name="next" label={t('processes.step.next')} extra={t('processes.step.nextHint')}>
        <Select mode="multiple" options={codes} data-testid="step-next" />
      </Form.Item>
      <Form.Item name="actions" label={t('processes.step.actions')}>
        <Select mode="multiple" options={OTHER_ACTIONS.map((action) => ({ value: action, label: t(`processes.actionNames.${action}`) }))} data-testid="step-actions" />
      </Form.Item>
      {TARGETED_OTHER_ACTIONS.filter((action) => actions.includes(action)).map((action) => (
        <Form.Item key={action} name={['targets', action]} label={t('processes.step.targetsOf', { action: t(`processes.actionNames.${action}`) })}
          rules={[{ required: action === 'RETURN' || action === 'PROPOSE_REFUSAL' || action === 'REQUEST_OPINION', message: t('processes.rules.targetRequired') }]}>
          <Select mode="multiple" options={codes} />
        </Form.Item>
      ))}
      <Space>
        <Button type="primary" htmlType="submit">{t('processes.step.apply')}</Button>
        <Button onClick={onClose}>{t('buttons.cancel')}</Button>
      </Space>
    </Form>
  );
}
