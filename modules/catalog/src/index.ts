import { defineModule } from '@motcua/kernel/contract';
import { ExchangeResolver } from './exchange/exchange.resolver.js';
import { Offering } from './offerings/offering.entity.js';
import { OfferingResolver, ProcedureOfferingsResolver } from './offerings/offering.resolver.js';
import { catalogPermissions } from './permissions.js';
import { Procedure, ProcedureVersion } from './procedures/procedure.entity.js';
import { ProcedureResolver, VersionResolver } from './procedures/procedure.resolver.js';
import { seedCatalog } from './seed.js';

/**
 * Catalog: administrative procedures (TTHC) with versions (draft → published → retired),
 * channels with limits and fees, components by case, e-forms, agency offerings, import and
 * export (JSON, Excel), and the diacritics-insensitive search the citizen portal uses.
 */
export default defineModule({
  name: 'catalog',
  entities: [Procedure, ProcedureVersion, Offering],
  resolvers: [ProcedureResolver, VersionResolver, OfferingResolver, ProcedureOfferingsResolver, ExchangeResolver],
  permissions: catalogPermissions,
  seed: seedCatalog,
});
