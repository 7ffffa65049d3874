import { ErrorAlert } from '@motcua/kernel/admin';
import { useGo, useTranslate } from '@refinedev/core';
import { Button, Table } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { formatInstant, useGql } from '../hooks';
import { type DossierTask, MY_STEPS } from '../queries';
import { ActionDialog } from './ActionDialog';

/**
 * The dossier steps waiting for the caller (workflow inbox: mine and my role). An officer acts on
 * a step here before the dossier is theirs to read; then its page opens.
 */
export function MyStepsTable() {
  const t = useTranslate();
  const go = useGo();
  const mine = useGql<{ inbox: { nodes: DossierTask[] } }>(MY_STEPS, { view: 'MINE' });
  const role = useGql<{ inbox: { nodes: DossierTask[] } }>(MY_STEPS, { view: 'MY_ROLE' });
  const [acting, setActing] = useState<DossierTask>();
  const seen = new Set<string>();
  const tasks = [...(mine.data?.inbox.nodes ?? []), ...(role.data?.inbox.nodes ?? [])]
    .filter((task) => task.subjectType === 'Dossier' && !seen.has(task.id) && seen.add(task.id));
  return (
    <>
      {(mine.error || role.error) && <ErrorAlert error={mine.error ?? role.error} />}
      <Table<DossierTask> rowKey="id" size="small" loading={mine.isLoading || role.isLoading} dataSource={tasks} pagination={false} data-testid="my-steps"
        onRow={(task) => ({ 'data-dossier': task.subjectId }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('dossiers.step'), dataIndex: 'stepName' },
          { title: t('dossiers.enteredAt'), render: (_, task) => formatInstant(task.enteredAt) },
          { title: t('dossiers.stepDueAt'), render: (_, task) => formatInstant(task.dueAt) },
          { title: '', render: (_, task) => <Button type="primary" size="small" onClick={() => setActing(task)} data-testid="step-act">{t('dossiers.actOnStep')}</Button> },
        ]} />
      {acting && (
        <ActionDialog action="HAND_OVER" dossierId={acting.subjectId} taskId={acting.id} stepActions={acting.allowedActions} onClose={() => setActing(undefined)}
          onDone={(next) => { setActing(undefined); go({ to: `/dossiers/${next.id}` }); }} />
      )}
    </>
  );
}
