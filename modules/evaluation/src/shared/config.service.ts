import type { EntityManager } from '@mikro-orm/knex';
import { AppError, asJson, readOne, uuid7 } from '@motcua/kernel/contract';
import { DEFAULT_766_TABLE } from '../index766/default-table.js';
import { type IndexFormulaTable, validateFormulaTable } from '../index766/formulas.js';
import { DEFAULT_QUESTIONNAIRE, type QuestionnaireConfig, validateQuestionnaire } from '../questionnaire/questionnaire.js';
import { DEFAULT_PETITION_LIMITS, type PetitionLimits, validatePetitionLimits } from '../petitions/limits.js';
import { type ConfigKind, ConfigVersion } from './config-version.entity.js';

/** The typed configuration of each kind, its validator and its seeded default. */
interface KindSpec<C> {
  validate: (config: C) => void;
  seed: C;
  name: { vi: string; en: string };
}
const KINDS: { QUESTIONNAIRE: KindSpec<QuestionnaireConfig>; INDEX_766: KindSpec<IndexFormulaTable>; PETITION_LIMITS: KindSpec<PetitionLimits> } = {
  QUESTIONNAIRE: { validate: validateQuestionnaire, seed: DEFAULT_QUESTIONNAIRE, name: { vi: 'phiếu đánh giá', en: 'Questionnaire' } },
  INDEX_766: { validate: validateFormulaTable, seed: DEFAULT_766_TABLE, name: { vi: 'bảng công thức 766', en: '766 formula table' } },
  PETITION_LIMITS: { validate: validatePetitionLimits, seed: DEFAULT_PETITION_LIMITS, name: { vi: 'thời hạn xử lý phản ánh, kiến nghị', en: 'Petition time limits' } },
};
export type ConfigOf<K extends ConfigKind> = K extends 'QUESTIONNAIRE' ? QuestionnaireConfig : K extends 'INDEX_766' ? IndexFormulaTable : PetitionLimits;

/** A version as read: its number, first day, change note and configuration. */
export interface VersionOf<K extends ConfigKind> {
  number: number;
  effectiveFrom: string;
  change: string;
  createdAt: Date;
  config: ConfigOf<K>;
}

function toVersion<K extends ConfigKind>(row: Record<string, unknown>): VersionOf<K> {
  return {
    number: Number(row.number), effectiveFrom: String(row.effectiveFrom), change: String(row.change),
    createdAt: new Date(row.createdAt as string), config: asJson<ConfigOf<K>>(row.config),
  };
}

/**
 * The version of a kind in force on a local day (the latest effective on or before it), or a
 * given version number; NOT_FOUND when none.
 *
 * @example
 * const { config } = await configVersion(em, 'QUESTIONNAIRE', { day: '2025-10-27' });
 */
export async function configVersion<K extends ConfigKind>(em: EntityManager, kind: K, at: { day?: string; number?: number }): Promise<VersionOf<K>> {
  const rows = at.number !== undefined
    ? [await readOne(em, ConfigVersion, { kind, number: at.number })].filter((row) => row !== null)
    : await em.createQueryBuilder(ConfigVersion, 'v').select('v.*')
      .where({ kind, ...(at.day ? { effectiveFrom: { $lte: at.day } } : {}) })
      .orderBy({ effectiveFrom: 'desc', number: 'desc' }).limit(1).execute<Record<string, unknown>[]>('all', true);
  if (!rows.length) throw AppError.notFound(KINDS[kind].name, at.number !== undefined ? `v${at.number}` : at.day);
  return toVersion<K>(rows[0]!);
}

/** Every version of a kind, newest first. */
export async function configVersions<K extends ConfigKind>(em: EntityManager, kind: K): Promise<VersionOf<K>[]> {
  const rows = await em.createQueryBuilder(ConfigVersion, 'v').select('v.*').where({ kind }).orderBy({ number: 'desc' }).execute<Record<string, unknown>[]>('all', true);
  return rows.map((row) => toVersion<K>(row));
}

/**
 * Validates and writes a new version of a kind (number = last + 1); the unique (kind, number)
 * key makes a concurrent write fail rather than fork the history.
 */
export async function appendConfigVersion<K extends ConfigKind>(
  em: EntityManager, kind: K, input: { config: ConfigOf<K>; effectiveFrom: string; change: string; actorId: string | null; now: Date },
): Promise<VersionOf<K>> {
  (KINDS[kind].validate as (config: ConfigOf<K>) => void)(input.config);
  if (!input.change.trim()) throw AppError.badInput('change', { vi: 'cần ghi lý do thay đổi', en: 'say why the version changes' });
  const last = await em.createQueryBuilder(ConfigVersion, 'v').select('v.number').where({ kind }).orderBy({ number: 'desc' }).limit(1)
    .execute<Array<{ number: number }>>('all', true);
  const number = (last[0] ? Number(last[0].number) : 0) + 1;
  const row = em.create(ConfigVersion, {
    id: uuid7(input.now.getTime()), kind, number, effectiveFrom: input.effectiveFrom, config: input.config, change: input.change,
    actorId: input.actorId, createdAt: input.now,
  });
  await em.persist(row).flush();
  return { number, effectiveFrom: input.effectiveFrom, change: input.change, createdAt: input.now, config: input.config };
}

/** Seeds version 1 of each kind on an installation that has none (every installation, not only the demo). */
export async function seedConfig(em: EntityManager, now: Date): Promise<void> {
  for (const kind of Object.keys(KINDS) as ConfigKind[]) {
    if (await em.count(ConfigVersion, { kind })) continue;
    await appendConfigVersion(em, kind, { config: KINDS[kind].seed as never, effectiveFrom: '2018-07-01', change: 'seed', actorId: null, now });
  }
}
