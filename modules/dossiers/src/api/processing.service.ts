import { AppError, type RequestContext } from '@motcua/kernel/contract';
import type { Dossier } from '../dossier/dossier.entity.js';
import type { ApologyInput, ApproveResultInput, DossierStepInput, MissingItemsInput, ReasonsInput, ReturnResultInput } from './dossier.types.js';

const pending = (): never => { throw new AppError('INTERNAL_SERVER_ERROR', {}); };
export const actOnStep = async (_ctx: RequestContext, _input: DossierStepInput): Promise<Dossier> => pending();
export const requestSupplement = async (_ctx: RequestContext, _input: MissingItemsInput): Promise<Dossier> => pending();
export const receiveSupplement = async (_ctx: RequestContext, _id: string): Promise<Dossier> => pending();
export const requirePayment = async (_ctx: RequestContext, _id: string): Promise<Dossier> => pending();
export const confirmPayment = async (_ctx: RequestContext, _id: string): Promise<Dossier> => pending();
export const stop = async (_ctx: RequestContext, _input: ReasonsInput): Promise<Dossier> => pending();
export const withdraw = async (_ctx: RequestContext, _id: string): Promise<Dossier> => pending();
export const issueApology = async (_ctx: RequestContext, _input: ApologyInput): Promise<Dossier> => pending();
export const approveResult = async (_ctx: RequestContext, _input: ApproveResultInput): Promise<Dossier> => pending();
export const signResult = async (_ctx: RequestContext, _id: string): Promise<Dossier> => pending();
export const returnResult = async (_ctx: RequestContext, _input: ReturnResultInput): Promise<Dossier> => pending();
