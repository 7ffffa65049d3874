import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * What evaluation knows of a dossier from its RECEIVED fact: its code (typed at the kiosk),
 * where it was received and who applied (who may rate it). The dossiers module owns dossiers;
 * this is evaluation's own copy, fed only through the fact contract.
 */
@Entity({ tableName: 'evaluation_dossier' })
export class EvaluatedDossier {
  @PrimaryKey({ type: 'uuid' })
  dossierId!: string;

  @Property({ length: 50, nullable: true })
  @Index()
  code?: string | null;

  @Property({ type: 'uuid' })
  agencyId!: string;

  @Property({ type: 'uuid' })
  unitId!: string;

  @Property({ type: 'uuid' })
  procedureId!: string;

  @Property({ type: 'uuid', nullable: true })
  applicantId?: string | null;
}
