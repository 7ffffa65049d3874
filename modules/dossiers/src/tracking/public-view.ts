import { type NationalStatus, NATIONAL_STATUS_LABEL } from '../lifecycle/states.js';

/** What the dossier row offers the public view. */
export interface TrackedDossier {
  code: string;
  nationalStatus: NationalStatus;
  procedureName: string;
  agencyName: string;
  receivedAt: Date | null;
  dueAt: Date | null;
  finishedAt: Date | null;
  returnedAt: Date | null;
}

/** A process-log line as the public view reads it (its free text is never shown). */
export interface TrackedLogLine {
  at: Date;
  nationalStatus: NationalStatus;
}

/** What anyone holding the code and its secret may see: no names, no free text typed by officers. */
export interface PublicTracking {
  code: string;
  nationalStatus: NationalStatus;
  statusLabel: string;
  procedureName: string;
  agencyName: string;
  receivedAt: Date | null;
  /** The due date the applicant was last told; null once the result is ready or processing ended. */
  expectedReturnAt: Date | null;
  finishedAt: Date | null;
  returnedAt: Date | null;
  /** One entry per change of national status, oldest first. */
  timeline: Array<{ at: Date; nationalStatus: NationalStatus; label: string }>;
}

const ENDED: ReadonlySet<NationalStatus> = new Set([3, 7, 8, 9, 10]);

/**
 * The public tracking view of a dossier (for `trackDossier`): the national status and its
 * timeline, the expected return date, and nothing personal — officers' names and the log's free
 * text stay inside; consecutive lines with the same status (hand-overs) collapse into one.
 *
 * @example publicTracking(dossier, lines).timeline.map((t) => t.label) // ['Được tiếp nhận', 'Đang xử lý', ...]
 */
export function publicTracking(dossier: TrackedDossier, lines: readonly TrackedLogLine[]): PublicTracking {
  const ordered = [...lines].sort((a, b) => a.at.getTime() - b.at.getTime());
  const timeline = ordered
    .filter((line, i) => i === 0 || line.nationalStatus !== ordered[i - 1].nationalStatus)
    .map((line) => ({ at: line.at, nationalStatus: line.nationalStatus, label: NATIONAL_STATUS_LABEL[line.nationalStatus] }));
  return {
    code: dossier.code,
    nationalStatus: dossier.nationalStatus,
    statusLabel: NATIONAL_STATUS_LABEL[dossier.nationalStatus],
    procedureName: dossier.procedureName,
    agencyName: dossier.agencyName,
    receivedAt: dossier.receivedAt,
    expectedReturnAt: ENDED.has(dossier.nationalStatus) ? null : dossier.dueAt,
    finishedAt: dossier.finishedAt,
    returnedAt: dossier.returnedAt,
    timeline,
  };
}
