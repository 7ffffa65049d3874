import { ErrorAlert } from '@motcua/kernel/admin';
import { useTranslate } from '@refinedev/core';
import { Card, Layout, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { BarChart } from '../charts';
import { useGql, useUnitNames } from '../hooks';
import { number, percent, PUBLISHED_PERIODS, TRANSPARENCY } from '../queries';

interface Ranking {
  rank: number; agencyId: string; received: number; done: number; onTimeRate: number | null; averageSatisfaction: number | null;
  indexScore: number | null; indexBand: string | null;
}

/** Public, no sign-in: agency rankings of a published period, for portals to link or embed. */
export default function RankingsPage() {
  const t = useTranslate();
  const names = useUnitNames();
  const periods = useGql<{ publishedEvaluationPeriods: Array<{ period: string }> }>(PUBLISHED_PERIODS, {});
  const [chosen, setChosen] = useState<string>();
  const period = chosen ?? periods.data?.publishedEvaluationPeriods[0]?.period;
  const report = useGql<{ transparency: { agencies: Ranking[] } }>(TRANSPARENCY, { period }, Boolean(period));
  const rows = report.data?.transparency.agencies ?? [];
  return (
    <Layout style={{ minHeight: '100vh', padding: 24 }}>
      <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 1100, margin: '0 auto' }}>
        <Typography.Title level={2}>{t('rankings.title')}</Typography.Title>
        {(periods.error || report.error) && <ErrorAlert error={periods.error ?? report.error} />}
        {periods.data && !period && <Typography.Text>{t('rankings.noPeriods')}</Typography.Text>}
        {period && (
          <>
            <Space>
              {t('evaluation.period')}
              <Select value={period} style={{ width: 140 }} onChange={setChosen} data-testid="ranking-period"
                options={(periods.data?.publishedEvaluationPeriods ?? []).map((p) => ({ value: p.period, label: p.period }))} />
            </Space>
            <Table<Ranking> rowKey="agencyId" loading={report.isLoading} dataSource={rows} pagination={false} data-testid="rankings"
              columns={[
                { title: t('rankings.rank'), dataIndex: 'rank', width: 70 },
                { title: t('rankings.agency'), render: (_, r) => names.get(r.agencyId) ?? r.agencyId },
                { title: t('rankings.received'), dataIndex: 'received' },
                { title: t('rankings.done'), dataIndex: 'done' },
                { title: t('rankings.onTimeRate'), render: (_, r) => percent(r.onTimeRate) },
                { title: t('rankings.satisfaction'), render: (_, r) => number(r.averageSatisfaction) },
                { title: t('rankings.index'), render: (_, r) => (r.indexScore === null ? '—' : `${number(r.indexScore)} (${r.indexBand})`) },
              ]}
            />
            <Card title={t('rankings.chart')}>
              <BarChart title={t('rankings.chart')} bars={rows.map((r) => ({ label: names.get(r.agencyId) ?? r.agencyId.slice(0, 8), value: Math.round((r.onTimeRate ?? 0) * 1000) / 10 }))} format={(v) => `${v}%`} />
            </Card>
          </>
        )}
      </Space>
    </Layout>
  );
}
