import { defineModule } from '@motcua/kernel/contract';

/** Dossiers: the one-stop lifecycle, dossier codes, forms, national-portal sync and notifications. */
export default defineModule({
  name: 'dossiers',
  entities: [],
  resolvers: [],
});
