import { useTranslate } from '@refinedev/core';
import { Tag } from 'antd';
import type { VersionStatus } from '../queries';

const COLORS: Record<VersionStatus, string> = { DRAFT: 'blue', PUBLISHED: 'green', RETIRED: 'default' };

/** A version status as a coloured tag. */
export function StatusTag({ status }: { status: VersionStatus }) {
  const t = useTranslate();
  return <Tag color={COLORS[status]}>{t(`procedures.status.${status}`)}</Tag>;
}
