import { ErrorAlert, EVERYWHERE, useCan } from '@motcua/kernel/admin';
import { useTranslate } from '@refinedev/core';
import { Button, Card, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Tag, Timeline, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useGqlQuery, useGqlRun } from '../api';
import { CALENDAR, type CalendarDay, type CalendarDayKind, type CalendarListItem, type CalendarRecord, CALENDARS, DAY_KINDS, SET_CALENDAR_DAYS } from './queries';
import { type DayCell, type DayStatus, monthGrid, statusOf, WEEKDAYS, workingDaysIn } from './year';

/** Colours of the day statuses (background, text). */
const STATUS_STYLE: Record<DayStatus, { background: string; color: string }> = {
  WORKING: { background: '#ffffff', color: '#262626' },
  WEEKEND: { background: '#f0f0f0', color: '#8c8c8c' },
  HOLIDAY: { background: '#ff4d4f', color: '#ffffff' },
  DAY_OFF: { background: '#fa8c16', color: '#ffffff' },
  WORKING_DAY: { background: '#52c41a', color: '#ffffff' },
};
const CLEAR = 'CLEAR';

interface DayForm { kind: CalendarDayKind | typeof CLEAR; note?: string; source?: string }

/** One month: a grid of days coloured by status; a day's note shows on hover; clicking opens it. */
function MonthGrid({ year, month, calendar, exceptions, onPick }: { year: number; month: number; calendar: CalendarRecord; exceptions: ReadonlyMap<string, CalendarDay>; onPick(cell: DayCell): void }) {
  const t = useTranslate();
  const cellView = (cell: DayCell | null, index: number) => {
    if (!cell) return <td key={index} />;
    const status = statusOf(cell, calendar.weekendDays, exceptions);
    const exception = exceptions.get(cell.date);
    const label = `${cell.date}: ${t(`calendars.status.${status}`)}${exception?.note ? ` — ${exception.note}` : ''}`;
    return (
      <td key={index} style={{ padding: 1 }}>
        <Tooltip title={label}>
          <button type="button" onClick={() => onPick(cell)} aria-label={label} data-date={cell.date} data-status={status}
            style={{ ...STATUS_STYLE[status], width: 28, height: 26, border: exception?.inherited === false ? '2px solid #1677ff' : '1px solid #f0f0f0', borderRadius: 4, cursor: 'pointer', fontSize: 12 }}>
            {cell.day}
          </button>
        </Tooltip>
      </td>
    );
  };
  return (
    <Card size="small" title={t(`calendars.months.${month}`)}>
      <table style={{ borderCollapse: 'collapse' }}>
        <thead><tr>{WEEKDAYS.map((weekday) => <th key={weekday} style={{ fontSize: 11, fontWeight: 'normal', color: '#8c8c8c' }}>{t(`calendars.weekdaysShort.${weekday}`)}</th>)}</tr></thead>
        <tbody>{monthGrid(year, month).map((week, index) => <tr key={index}>{week.map(cellView)}</tr>)}</tbody>
      </table>
    </Card>
  );
}

/**
 * The calendar editor: pick a calendar, see a year as twelve month grids (working days,
 * weekends and exceptions by kind, with their notes), click a day to mark it a holiday, a
 * swapped day off or a swapped working day (or clear it), and read the version history.
 */
export default function CalendarPage() {
  const t = useTranslate();
  const list = useGqlQuery<{ calendars: { nodes: CalendarListItem[] } }>(CALENDARS, ['calendars'], { limit: 100 });
  const [calendarId, setCalendarId] = useState<string>();
  const [year, setYear] = useState(new Date().getFullYear());
  const { data, query } = useGqlQuery<{ calendar: CalendarRecord }>(CALENDAR, ['calendar', calendarId, year], { id: calendarId, year }, Boolean(calendarId));
  const [picked, setPicked] = useState<DayCell>();
  const [form] = Form.useForm<DayForm>();
  const saving = useGqlRun();
  const calendars = list.data?.calendars.nodes ?? [];

  useEffect(() => {
    if (!calendarId && calendars.length) setCalendarId(calendars[0].id);
  }, [calendarId, calendars]);

  const calendar = data?.calendar;
  // A national calendar (no agency) needs a global grant; the server checks agency scopes anyway.
  const canManage = useCan('calendar.manage', calendar && !calendar.agencyId ? EVERYWHERE : undefined);
  const exceptions = useMemo(() => new Map((calendar?.days ?? []).map((day) => [day.date, day])), [calendar]);
  const pickedException = picked && exceptions.get(picked.date);

  const open = (cell: DayCell) => {
    setPicked(cell);
    const day = exceptions.get(cell.date);
    form.setFieldsValue({ kind: day?.kind ?? CLEAR, note: day?.note ?? undefined, source: day?.source ?? undefined });
  };
  const save = async ({ kind, note, source }: DayForm) => {
    if (!calendar || !picked) return;
    const input = kind === CLEAR
      ? { calendarId: calendar.id, version: calendar.version, days: [], removeDates: [picked.date] }
      : { calendarId: calendar.id, version: calendar.version, days: [{ date: picked.date, kind, note: note?.trim() || null, source: source?.trim() || null }] };
    if (await saving.run(SET_CALENDAR_DAYS, { input, year }, { success: t('calendars.saved') })) (setPicked(undefined), void query.refetch());
  };

  const ownExceptions = (calendar?.days ?? []).filter((day) => day.date.startsWith(String(year)));
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('calendars.title')}</Typography.Title>
      {list.query.error && <ErrorAlert error={list.query.error} onRetry={() => void list.query.refetch()} />}
      <Space wrap>
        <Select style={{ width: 360 }} value={calendarId} onChange={setCalendarId} aria-label={t('calendars.choose')} data-testid="calendar-select"
          options={calendars.map((item) => ({ value: item.id, label: `${item.name} (${item.code})` }))} />
        <Button onClick={() => setYear(year - 1)} aria-label={t('calendars.previousYear')}>‹</Button>
        <InputNumber value={year} onChange={(value) => value && setYear(value)} min={1900} max={2200} aria-label={t('calendars.year')} />
        <Button onClick={() => setYear(year + 1)} aria-label={t('calendars.nextYear')}>›</Button>
      </Space>
      {query.error && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {calendar && (
        <>
          <Space wrap data-testid="calendar-summary">
            <Typography.Text>{t('calendars.summary', { version: calendar.version, timezone: calendar.timezone, hours: calendar.standardDayMinutes / 60 })}</Typography.Text>
            <Typography.Text type="secondary">{calendar.workingPeriods.map((period) => `${period.start}–${period.end}`).join(', ')}</Typography.Text>
            <Tag>{t('calendars.workingDays', { count: workingDaysIn(year, calendar.weekendDays, exceptions), year })}</Tag>
          </Space>
          <Space wrap>
            {(Object.keys(STATUS_STYLE) as DayStatus[]).map((status) => (
              <Tag key={status} style={{ ...STATUS_STYLE[status], borderColor: '#d9d9d9' }}>{t(`calendars.status.${status}`)}</Tag>
            ))}
            <Typography.Text type="secondary">{t('calendars.ownHint')}</Typography.Text>
          </Space>
          <Row gutter={[12, 12]} data-testid="year-view">
            {Array.from({ length: 12 }, (_, index) => (
              <Col key={index} xs={24} sm={12} lg={8} xxl={6}>
                <MonthGrid year={year} month={index + 1} calendar={calendar} exceptions={exceptions} onPick={open} />
              </Col>
            ))}
          </Row>
          <Row gutter={16}>
            <Col xs={24} lg={14}>
              <Card title={t('calendars.exceptions', { year })}>
                <Table<CalendarDay> rowKey="date" size="small" dataSource={ownExceptions} pagination={false} locale={{ emptyText: t('calendars.noExceptions') }}
                  columns={[
                    { title: t('calendars.fields.date'), dataIndex: 'date' },
                    { title: t('calendars.fields.kind'), dataIndex: 'kind', render: (kind: CalendarDayKind) => <Tag style={STATUS_STYLE[kind]}>{t(`calendars.status.${kind}`)}</Tag> },
                    { title: t('calendars.fields.note'), dataIndex: 'note' },
                    { title: t('calendars.fields.source'), dataIndex: 'source' },
                    { title: '', dataIndex: 'inherited', render: (inherited: boolean) => (inherited ? <Tag>{t('calendars.inherited')}</Tag> : null) },
                  ]} />
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card title={t('calendars.history')}>
                <Timeline items={calendar.versions.map((version) => ({
                  children: <Space direction="vertical" size={0}><Typography.Text strong>{t('calendars.versionN', { number: version.number })}</Typography.Text>
                    <Typography.Text>{version.change}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{new Date(version.createdAt).toLocaleString('vi-VN')}</Typography.Text></Space>,
                }))} />
              </Card>
            </Col>
          </Row>
        </>
      )}
      <Modal open={picked !== undefined} title={picked && t('calendars.dayTitle', { date: picked.date, weekday: t(`calendars.weekdays.${picked.weekday}`) })}
        okText={t('calendars.save')} cancelText={t('buttons.cancel')} onOk={() => form.submit()} onCancel={() => setPicked(undefined)}
        okButtonProps={{ disabled: !canManage, loading: saving.pending }} destroyOnHidden>
        {saving.error !== undefined && <ErrorAlert error={saving.error} />}
        {!canManage && <Typography.Paragraph type="warning" data-testid="calendar-read-only">{t('calendars.readOnly')}</Typography.Paragraph>}
        {pickedException?.inherited && <Typography.Paragraph type="secondary">{t('calendars.inheritedHint')}</Typography.Paragraph>}
        <Form form={form} name="day" layout="vertical" onFinish={(values) => void save(values)} disabled={!canManage}>
          <Form.Item name="kind" label={t('calendars.fields.kind')}>
            <Select options={[...DAY_KINDS.map((kind) => ({ value: kind, label: t(`calendars.kinds.${kind}`) })), { value: CLEAR, label: t('calendars.kinds.CLEAR') }]} />
          </Form.Item>
          <Form.Item name="note" label={t('calendars.fields.note')}><Input placeholder={t('calendars.notePlaceholder')} /></Form.Item>
          <Form.Item name="source" label={t('calendars.fields.source')}><Input placeholder={t('calendars.sourcePlaceholder')} /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
