/**
 * The lifecycle rules the law leaves unsettled, as versioned configuration with an
 * effective-from date (domain doc §0.2 item 11, §12 items 5 and 10). A dossier is judged by
 * the version in force when it was received.
 */

export interface LifecycleRules {
  /** Stable key of this rule set, stored on the dossier at receipt. */
  version: string;
  /** First calendar day (Asia/Ho_Chi_Minh, `YYYY-MM-DD`) this version applies to. */
  effectiveFrom: string;
  apology: {
    /** An apology (T16) may only be issued before the due instant. */
    onlyBeforeDue: boolean;
    /** How many apologies one dossier may get; null = no limit. */
    maxCount: number | null;
  };
  supplement: {
    /** Supplement requests allowed during processing (T9); null = no limit. */
    maxRequestsDuringProcessing: number | null;
    /** The request with this ordinal (1-based) and later ones are flagged: they make the dossier late in national statistics. */
    flaggedFromRequest: number;
  };
  /** Whether waiting for a financial obligation (T12) pauses the clock ([I]; TTHC-specific in law). */
  financialObligationPausesClock: boolean;
}

/** Decree 61/2018 with Circular 01/2018: one apology, before the due date; a second supplement request counts late. */
export const RULES_DECREE_61_2018: LifecycleRules = {
  version: 'ND61-2018',
  effectiveFrom: '2018-06-21',
  apology: { onlyBeforeDue: true, maxCount: 1 },
  supplement: { maxRequestsDuringProcessing: null, flaggedFromRequest: 2 },
  financialObligationPausesClock: true,
};

/**
 * Decree 118/2025 (from 1 July 2025). Its wording on apology and supplementation during
 * processing is unverified, so it keeps the 2018 limits until a primary-text check says otherwise.
 */
export const RULES_DECREE_118_2025: LifecycleRules = {
  ...RULES_DECREE_61_2018,
  version: 'ND118-2025',
  effectiveFrom: '2025-07-01',
};

/** Every rule set, oldest first. */
export const LIFECYCLE_RULES: readonly LifecycleRules[] = [RULES_DECREE_61_2018, RULES_DECREE_118_2025];

/**
 * The rule set in force on a local calendar day (`YYYY-MM-DD`).
 *
 * @example lifecycleRulesFor('2025-06-30').version // → 'ND61-2018'
 */
export function lifecycleRulesFor(localDay: string, versions: readonly LifecycleRules[] = LIFECYCLE_RULES): LifecycleRules {
  const inForce = versions.filter((rules) => rules.effectiveFrom <= localDay).at(-1);
  if (!inForce) throw new RangeError(`no lifecycle rules in force on ${localDay}`);
  return inForce;
}
