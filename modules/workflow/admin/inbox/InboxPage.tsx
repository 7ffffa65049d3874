import { ErrorAlert, useCan } from '@motcua/kernel/admin';
import { useGetIdentity, useTranslate } from '@refinedev/core';
import { Button, Dropdown, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useGqlQuery, useGqlRun } from '../api';
import type { StepAction } from '../processes/queries';
import { CLAIM_TASK, COMPLETE_TASK, INBOX, INBOX_VIEWS, type InboxView, type TaskRecord } from './queries';

const ESCALATION_COLOR = { NONE: 'default', DUE_SOON: 'gold', ESCALATED: 'red' } as const;
const when = (iso: string) => new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });
/** Long ids (uuids) are cut to their start; the full id shows in the cell's tooltip. */
const shortId = (id: string) => (id.length > 14 ? `${id.slice(0, 12)}…` : id);
const byDue = (a: TaskRecord, b: TaskRecord) => a.dueAt.localeCompare(b.dueAt);

interface Completing { task: TaskRecord; action: StepAction; targets: string[] }

/**
 * The officer's inbox: open tasks in tabs (mine, my role, due soon, overdue, and escalated for
 * those who assign work), earliest due first, with claim and complete-with-an-action.
 */
export default function InboxPage() {
  const t = useTranslate();
  const { data: me } = useGetIdentity<{ id: string }>();
  const canAssign = useCan('task.assign');
  const [view, setView] = useState<InboxView>('MINE');
  const { data, query } = useGqlQuery<{ inbox: { nodes: TaskRecord[]; totalCount: number } }>(INBOX, ['inbox', view], { view, limit: 100 });
  const acting = useGqlRun();
  const [completing, setCompleting] = useState<Completing>();
  const [form] = Form.useForm<{ comment?: string; to?: string }>();

  const claim = async (task: TaskRecord) => {
    if (await acting.run(CLAIM_TASK, { input: { taskId: task.id, version: task.version } }, { success: t('inbox.claimed') })) void query.refetch();
  };
  const complete = async ({ comment, to }: { comment?: string; to?: string }) => {
    if (!completing) return;
    const { task, action } = completing;
    const input = { taskId: task.id, version: task.version, action, comment: comment?.trim() || undefined, to: to ? [to] : undefined };
    if (await acting.run(COMPLETE_TASK, { input }, { success: t('inbox.completed') })) (setCompleting(undefined), form.resetFields(), void query.refetch());
  };

  const views = INBOX_VIEWS.filter((candidate) => candidate !== 'ESCALATED' || canAssign);
  const tasks = [...(data?.inbox.nodes ?? [])].sort(byDue);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('inbox.title')}</Typography.Title>
      <Tabs activeKey={view} onChange={(key) => setView(key as InboxView)} items={views.map((key) => ({ key, label: t(`inbox.views.${key}`) }))} />
      {query.error && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {acting.error !== undefined && <ErrorAlert error={acting.error} onRetry={() => (acting.clearError(), void query.refetch())} />}
      <Table<TaskRecord> rowKey="id" dataSource={tasks} loading={query.isFetching} size="middle" pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('inbox.empty') }} data-testid="inbox-table">
        <Table.Column<TaskRecord> title={t('inbox.fields.step')} render={(_, task) => (
          <Space direction="vertical" size={0}>
            <Typography.Text strong>{task.stepName}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{task.stepCode} · {task.roleKey}</Typography.Text>
          </Space>
        )} />
        <Table.Column<TaskRecord> title={t('inbox.fields.subject')} render={(_, task) => <Tooltip title={task.subjectId}>{`${task.subjectType} ${shortId(task.subjectId)}`}</Tooltip>} />
        <Table.Column<TaskRecord> title={t('inbox.fields.enteredAt')} dataIndex="enteredAt" render={when} />
        <Table.Column<TaskRecord> title={t('inbox.fields.dueAt')} dataIndex="dueAt" render={(due: string, task) => (
          <Space>{when(due)}{task.escalation !== 'NONE' && <Tag color={ESCALATION_COLOR[task.escalation]}>{t(`inbox.escalation.${task.escalation}`)}</Tag>}
            {new Date(due) < new Date() && <Tag color="red">{t('inbox.overdue')}</Tag>}</Space>
        )} />
        <Table.Column<TaskRecord> title={t('inbox.fields.assignee')} render={(_, task) => (task.assigneeId === null ? t('inbox.unassigned') : task.assigneeId === me?.id ? t('inbox.me') : t('inbox.someoneElse'))} />
        <Table.Column<TaskRecord> title={t('inbox.fields.actions')} render={(_, task) => (
          <Space>
            {task.assigneeId === null && <Button size="small" onClick={() => void claim(task)} loading={acting.pending}>{t('inbox.claim')}</Button>}
            {task.assigneeId === me?.id && task.allowedActions.length > 0 && (
              <Dropdown trigger={['click']} menu={{
                items: task.allowedActions.map((allowed) => ({ key: allowed.action, label: t(`processes.actionNames.${allowed.action}`) })),
                onClick: ({ key }) => setCompleting({ task, action: key as StepAction, targets: task.allowedActions.find((allowed) => allowed.action === key)?.to ?? [] }),
              }}>
                <Button size="small" type="primary">{t('inbox.complete')}</Button>
              </Dropdown>
            )}
          </Space>
        )} />
      </Table>
      <Modal open={completing !== undefined} title={completing && t('inbox.completeTitle', { action: t(`processes.actionNames.${completing.action}`), step: completing.task.stepName })}
        okText={t('inbox.complete')} cancelText={t('buttons.cancel')} onOk={() => form.submit()} onCancel={() => setCompleting(undefined)} confirmLoading={acting.pending} destroyOnHidden>
        <Form form={form} name="completeTask" layout="vertical" onFinish={(values) => void complete(values)}>
          {completing && completing.targets.length > 1 && (
            <Form.Item name="to" label={t('inbox.target')} extra={t('inbox.targetHint')}>
              <Select allowClear options={completing.targets.map((code) => ({ value: code, label: code }))} />
            </Form.Item>
          )}
          <Form.Item name="comment" label={t('inbox.comment')}><Input.TextArea rows={3} /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
