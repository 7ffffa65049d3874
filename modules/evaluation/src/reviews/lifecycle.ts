import { AppError } from '@motcua/kernel/contract';

/** Where a review stands: submitted by the reviewer, approved by a second person, locked for good. */
export type ReviewStatus = 'SUBMITTED' | 'APPROVED' | 'LOCKED';
export type ReviewAction = 'APPROVE' | 'LOCK';

const NEXT: Record<ReviewStatus, Partial<Record<ReviewAction, ReviewStatus>>> = {
  SUBMITTED: { APPROVE: 'APPROVED' },
  APPROVED: { LOCK: 'LOCKED' },
  LOCKED: {},
};

/**
 * The status after an action, or INVALID_TRANSITION (a locked review never changes: a change
 * is a new version with a reason).
 *
 * @example
 * reviewTransition('SUBMITTED', 'APPROVE') // 'APPROVED'
 */
export function reviewTransition(status: ReviewStatus, action: ReviewAction): ReviewStatus {
  const next = NEXT[status][action];
  if (!next) {
    throw new AppError('INVALID_TRANSITION', {
      reason: { vi: `không thể ${action === 'APPROVE' ? 'phê duyệt' : 'khoá'} đánh giá ở trạng thái ${status}`, en: `cannot ${action.toLowerCase()} a ${status.toLowerCase()} review` },
    });
  }
  return next;
}

/**
 * Whether a new version may be written over the latest one: none yet, or the latest is
 * locked and a reason is given. An open (submitted or approved) version must finish first.
 */
export function newVersionAllowed(latest: ReviewStatus | null, reason: string | null | undefined): void {
  if (latest === null) return;
  if (latest !== 'LOCKED') {
    throw AppError.conflict({ vi: 'đánh giá kỳ này đang chờ phê duyệt hoặc khoá', en: 'the review of this period is still awaiting approval or locking' });
  }
  if (!reason?.trim()) {
    throw AppError.badInput('reason', { vi: 'sửa đánh giá đã khoá cần nêu lý do', en: 'changing a locked review needs a reason' });
  }
}
