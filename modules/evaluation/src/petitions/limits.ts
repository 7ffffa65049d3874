import { AppError } from '@motcua/kernel/contract';

/**
 * The time limits of petition handling (phản ánh, kiến nghị), in working days on the national
 * VN-GOV calendar. The law is not settled under Decree 118 (one-stop-domain §9.6 indicator 5.2
 * gives the 766 scoring rule, not a statute), so they are versioned configuration
 * (`evaluation_config_version`, kind `PETITION_LIMITS`), each version naming its source.
 */
export interface PetitionLimits {
  /** Working days from filing to the answer (766 indicator 5.2: 15). */
  answerWorkingDays: number;
  /** Working days from filing to accepting or refusing it as out of scope (766 indicator 5.2: refusal within 2). */
  decideWorkingDays: number;
  /** Where the numbers come from, with its reliability tag. */
  source: string;
}

/** Version 1: the 766 indicator 5.2 limits. */
export const DEFAULT_PETITION_LIMITS: PetitionLimits = {
  answerWorkingDays: 15,
  decideWorkingDays: 2,
  source: 'Decision 766/QĐ-TTg indicator 5.2 as captured in one-stop-domain §9.6 [S]; no Decree 118 text verified',
};

/** Both limits are whole working days from 1 to 90, and a source is named. */
export function validatePetitionLimits(limits: PetitionLimits): void {
  for (const key of ['answerWorkingDays', 'decideWorkingDays'] as const) {
    if (!(Number.isInteger(limits?.[key]) && limits[key] >= 1 && limits[key] <= 90)) {
      throw AppError.badInput(key, { vi: 'thời hạn phải là số ngày làm việc nguyên từ 1 đến 90', en: 'a limit is a whole number of working days from 1 to 90' });
    }
  }
  if (limits.decideWorkingDays > limits.answerWorkingDays) {
    throw AppError.badInput('decideWorkingDays', { vi: 'thời hạn thụ lý không thể dài hơn thời hạn trả lời', en: 'the acceptance limit cannot exceed the answer limit' });
  }
  if (!limits.source?.trim()) throw AppError.badInput('source', { vi: 'cần nêu căn cứ', en: 'the source is required' });
}
