import { defineModule } from '@motcua/kernel/contract';
import { DossierCodeCounter } from './code/code-counter.entity.js';
import { Dossier, ProcessLogLine } from './dossier/dossier.entity.js';

/** Dossiers: the one-stop lifecycle, dossier codes, forms, national-portal sync and notifications. */
export default defineModule({
  name: 'dossiers',
  entities: [Dossier, ProcessLogLine, DossierCodeCounter],
  resolvers: [],
});
