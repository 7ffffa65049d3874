import { useTranslate } from '@refinedev/core';
import { Button, type ButtonProps, Form, Input, Modal } from 'antd';
import { useState } from 'react';

interface Props {
  label: string;
  title: string;
  /** Initial date, `YYYY-MM-DD`. */
  initial?: string;
  /** Whether the date may be left empty (e.g. clearing an end of validity). */
  optional?: boolean;
  danger?: boolean;
  type?: ButtonProps['type'];
  onConfirm: (date: string | null) => Promise<unknown>;
}

/** Today in Vietnam (UTC+7), `YYYY-MM-DD`: the catalog's dates are local dates. */
export function todayInVietnam(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** A button asking for one date before an action (publish from, retire from, end on). */
export function DateActionButton({ label, title, initial, optional = false, danger, type, onConfirm }: Props) {
  const t = useTranslate();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ date: string }>();
  const confirm = async ({ date }: { date: string }) => {
    setBusy(true);
    try {
      await onConfirm(date || null);
      setOpen(false);
    } catch {
      // The caller shows the refusal; keep the dialog for another try.
      setOpen(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" danger={danger} type={type} onClick={() => setOpen(true)}>{label}</Button>
      <Modal open={open} title={title} okText={label} cancelText={t('buttons.cancel')} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ date: initial ?? '' }} onFinish={confirm}>
          <Form.Item name="date" label={t('procedures.date')} rules={optional ? [] : [{ required: true, message: t('procedures.rules.required') }]}>
            <Input type="date" aria-label={t('procedures.date')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
