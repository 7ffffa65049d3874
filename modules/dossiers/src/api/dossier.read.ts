import { AppError, type PageArgs, type RequestContext } from '@motcua/kernel/contract';
import type { Dossier } from '../dossier/dossier.entity.js';
import type { DossierFilter } from './dossier.types.js';

const pending = (): never => { throw new AppError('INTERNAL_SERVER_ERROR', {}); };
export const listDossiers = async (_ctx: RequestContext, _page: PageArgs, _filter: DossierFilter): Promise<any> => pending();
export const readDossier = async (_ctx: RequestContext, _key: { id?: string; code?: string }): Promise<Dossier> => pending();
export const trackDossier = async (_ctx: RequestContext, _code: string, _secret: string): Promise<any> => pending();
