import { describe, expect, it } from 'vitest';
import { publicTracking, type TrackedDossier } from '@motcua/dossiers/contract';

const at = (hours: number) => new Date(Date.UTC(2026, 2, 2, 2 + hours));
const DOSSIER: TrackedDossier = {
  code: '000.00.06.H56-260302-0001', nationalStatus: 4, procedureName: 'Cấp đổi giấy phép lái xe', agencyName: 'Sở Xây dựng',
  receivedAt: at(0), dueAt: at(100), finishedAt: null, returnedAt: null,
};
const LINES = [
  { at: at(1), nationalStatus: 4 as const, content: 'Chuyên viên Phạm Thu Hà thẩm định' },
  { at: at(0), nationalStatus: 2 as const, content: 'Lê Văn Đức tiếp nhận' },
  { at: at(2), nationalStatus: 4 as const, content: 'Chuyển lãnh đạo' },
  { at: at(3), nationalStatus: 5 as const, content: 'Yêu cầu bổ sung CCCD 038190001234' },
  { at: at(30), nationalStatus: 4 as const, content: 'Nhận bổ sung' },
];

describe('public tracking view', () => {
  it('shows the national status timeline in time order, hand-overs collapsed, with the expected return date', () => {
    const view = publicTracking(DOSSIER, LINES);
    expect(view).toMatchObject({ statusLabel: 'Đang xử lý', expectedReturnAt: at(100) });
    expect(view.timeline).toEqual([
      { at: at(0), nationalStatus: 2, label: 'Được tiếp nhận' },
      { at: at(1), nationalStatus: 4, label: 'Đang xử lý' },
      { at: at(3), nationalStatus: 5, label: 'Yêu cầu bổ sung giấy tờ' },
      { at: at(30), nationalStatus: 4, label: 'Đang xử lý' },
    ]);
  });

  it('carries no officer names or free text, whatever the log says', () => {
    const text = JSON.stringify(publicTracking(DOSSIER, LINES));
    for (const secret of ['Phạm Thu Hà', 'Lê Văn Đức', '038190001234', 'content']) expect(text).not.toContain(secret);
  });

  it('promises no return date once processing has ended', () => {
    for (const nationalStatus of [3, 7, 8, 9, 10] as const) expect(publicTracking({ ...DOSSIER, nationalStatus }, []).expectedReturnAt).toBeNull();
  });
});
