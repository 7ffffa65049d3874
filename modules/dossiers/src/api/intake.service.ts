import { AppError, type RequestContext } from '@motcua/kernel/contract';
import type { Dossier } from '../dossier/dossier.entity.js';
import type { AttachDocumentInput, CreateDossierInput, MissingItemsInput, ReasonsInput, ReceiveDossierInput, UpdateDossierDraftInput } from './dossier.types.js';

const pending = (): never => { throw new AppError('INTERNAL_SERVER_ERROR', {}); };
export const createDraft = async (_ctx: RequestContext, _input: CreateDossierInput): Promise<Dossier> => pending();
export const updateDraft = async (_ctx: RequestContext, _input: UpdateDossierDraftInput): Promise<Dossier> => pending();
export const attachDocument = async (_ctx: RequestContext, _input: AttachDocumentInput): Promise<any> => pending();
export const submit = async (_ctx: RequestContext, _id: string): Promise<Dossier> => pending();
export const receive = async (_ctx: RequestContext, _input: ReceiveDossierInput): Promise<Dossier> => pending();
export const requestCompletion = async (_ctx: RequestContext, _input: MissingItemsInput): Promise<Dossier> => pending();
export const resubmit = async (_ctx: RequestContext, _id: string): Promise<Dossier> => pending();
export const refuseAtReception = async (_ctx: RequestContext, _input: ReasonsInput): Promise<Dossier> => pending();
