import { Arg, Args, Ctx, Field, ID, InputType, Mutation, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { Connection, type ConnectionResult, PageArgs, type RequestContext } from '@motcua/kernel/contract';
import type { Petition, PetitionStatus as Status, PetitionSubject as Subject } from './petition.entity.js';
import {
  acceptPetition, answerPetition, closePetition, dismissComplaint, explainPetitionClock, filePetition, handledPetition, listPetitions, petitionByCode,
  rejectPetition,
} from './petition.service.js';

export enum PetitionSubject { DOSSIER = 'DOSSIER', OFFICER = 'OFFICER', REGULATION = 'REGULATION' }
export enum PetitionStatus { FILED = 'FILED', ACCEPTED = 'ACCEPTED', REJECTED = 'REJECTED', ANSWERED = 'ANSWERED', CLOSED = 'CLOSED' }
registerEnumType(PetitionSubject, { name: 'PetitionSubject', description: 'What a petition is about: a dossier (by code), an officer, or a regulation/procedure.' });
registerEnumType(PetitionStatus, { name: 'PetitionStatus', description: 'Filed → accepted (or rejected as out of scope) → answered → closed.' });

@ObjectType('PetitionClockLine', { description: 'One line of the clock explanation, in both languages.' })
export class ClockLineNode {
  @Field() vi!: string;
  @Field() en!: string;
}

@ObjectType('PetitionStatusView', { description: 'What the filer sees of their petition.' })
export class PetitionStatusNode {
  @Field() code!: string;
  @Field(() => PetitionSubject) subject!: Subject;
  @Field(() => PetitionStatus) status!: Status;
  @Field(() => String, { nullable: true, description: 'Why it was refused as out of scope.' }) rejectReason!: string | null;
  @Field(() => String, { nullable: true }) answer!: string | null;
  @Field() filedAt!: Date;
  @Field({ description: 'When the answer is due (VN-GOV working days).' }) dueAt!: Date;
  @Field(() => Date, { nullable: true }) answeredAt!: Date | null;
}

@ObjectType('Petition', { description: 'A citizen petition (phản ánh, kiến nghị) as its agency handles it.' })
export class PetitionNode extends PetitionStatusNode {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The agency addressed.' }) agencyId!: string;
  @Field(() => ID, { nullable: true }) dossierId!: string | null;
  @Field(() => String, { nullable: true }) dossierCode!: string | null;
  @Field(() => ID, { nullable: true, description: 'The officer it concerns, named on acceptance.' }) officerId!: string | null;
  @Field(() => String, { nullable: true }) regulation!: string | null;
  @Field() content!: string;
  @Field(() => ID, { nullable: true, description: 'The signed-in citizen who filed it (null: anonymous).' }) filerId!: string | null;
  @Field(() => String, { nullable: true }) contactName!: string | null;
  @Field(() => String, { nullable: true }) contactEmail!: string | null;
  @Field(() => String, { nullable: true }) contactPhone!: string | null;
  @Field({ description: 'The PETITION_LIMITS version it is judged by.' }) limitsVersion!: number;
  @Field(() => String, { nullable: true, description: 'EARLY, ON_TIME or LATE once answered or refused.' }) timeliness!: string | null;
  @Field({ description: 'Kéo dài: answered after its limit.' }) protracted!: boolean;
  @Field(() => String, { nullable: true, description: 'Found untrue: why it leaves the scores.' }) dismissedReason!: string | null;
}

@ObjectType({ description: 'A page of petitions.' })
export class PetitionConnection extends Connection(PetitionNode, 'Petition') {}

@ObjectType('PetitionDetail', { description: 'A petition with the explanation of its answer clock.' })
export class PetitionDetailNode {
  @Field(() => PetitionNode) petition!: PetitionNode;
  @Field(() => [ClockLineNode], { description: 'The limit, calendar, due instant and, once answered, the timeliness, step by step.' }) clock!: ClockLineNode[];
}

@InputType({ description: 'A petition to an agency; anonymous filers give an email or phone.' })
export class FilePetitionInput {
  @Field(() => PetitionSubject) subject!: Subject;
  @Field(() => ID, { nullable: true, description: 'The agency addressed (not needed with a dossier code).' }) agencyId?: string | null;
  @Field(() => String, { nullable: true, description: 'The dossier code on the receipt, e.g. `000.00.10.H56-261102-0001`.' }) dossierCode?: string | null;
  @Field(() => String, { nullable: true, description: 'REGULATION: the regulation or procedure named.' }) regulation?: string | null;
  @Field() content!: string;
  @Field(() => String, { nullable: true }) contactName?: string | null;
  @Field(() => String, { nullable: true }) contactEmail?: string | null;
  @Field(() => String, { nullable: true }) contactPhone?: string | null;
}

@ObjectType({ description: 'The filed petition: keep the code and secret to follow it (the secret is shown only once).' })
export class FilePetitionPayload {
  @Field() code!: string;
  @Field() secret!: string;
  @Field(() => PetitionStatusNode) status!: PetitionStatusNode;
}

@ObjectType({ description: 'The petition after the mutation.' })
export class PetitionPayload {
  @Field(() => PetitionNode) petition!: PetitionNode;
}

function toStatusNode(p: Petition): PetitionStatusNode {
  return { code: p.code, subject: p.subject, status: p.status, rejectReason: p.rejectReason ?? null, answer: p.answer ?? null, filedAt: p.filedAt, dueAt: p.dueAt, answeredAt: p.answeredAt ?? null };
}

function toPetitionNode(p: Petition): PetitionNode {
  return {
    ...toStatusNode(p), id: p.id, agencyId: p.unitId, dossierId: p.dossierId ?? null, dossierCode: p.dossierCode ?? null, officerId: p.officerId ?? null,
    regulation: p.regulation ?? null, content: p.content, filerId: p.filerId ?? null, contactName: p.contactName ?? null, contactEmail: p.contactEmail ?? null,
    contactPhone: p.contactPhone ?? null, limitsVersion: p.limitsVersion, timeliness: p.timeliness ?? null, protracted: Boolean(p.protracted),
    dismissedReason: p.dismissedReason ?? null,
  };
}

function toConnectionNodes(connection: ConnectionResult<Petition>) {
  const nodes = connection.nodes.map(toPetitionNode);
  return { ...connection, nodes, edges: connection.edges.map((edge, i) => ({ ...edge, node: nodes[i] })) };
}

const payload = (petition: Petition): PetitionPayload => ({ petition: toPetitionNode(petition) });

/** Petitions (phản ánh, kiến nghị): citizens file and follow them; the agency's staff handle them on the petition clock. */
@Resolver()
export class PetitionResolver {
  @Mutation(() => FilePetitionPayload, { description: 'Public (rate-limited): files a petition about a dossier (by code), an officer or a regulation; a signed-in citizen is recorded as the filer, anyone else gives an email or phone. Example: `filePetition(input: { subject: DOSSIER, dossierCode: "…", content: "…", contactEmail: "a@b.vn" }) { code secret }`.' })
  async filePetition(@Arg('input') input: FilePetitionInput, @Ctx() ctx: RequestContext): Promise<FilePetitionPayload> {
    const { petition, secret } = await filePetition(ctx, input);
    return { code: petition.code, secret, status: toStatusNode(petition) };
  }

  @Query(() => PetitionStatusNode, { description: 'Public: the status and answer of a petition by its tracking code and secret; NOT_FOUND for a wrong pair. Example: `petitionStatus(code: "PAKN-2026-3F9A1C2B", secret: $s) { status answer }`.' })
  async petitionStatus(@Arg('code') code: string, @Arg('secret') secret: string, @Ctx() ctx: RequestContext): Promise<PetitionStatusNode> {
    return toStatusNode(await petitionByCode(ctx, code, secret));
  }

  @Query(() => PetitionConnection, { description: 'Petitions to the agencies the caller handles (`petition.handle`), newest first. Example: `petitions(status: FILED) { nodes { id code content } }`.' })
  async petitions(@Arg('status', () => PetitionStatus, { nullable: true }) status: Status | undefined, @Args() page: PageArgs, @Ctx() ctx: RequestContext) {
    return toConnectionNodes(await listPetitions(ctx, status, page));
  }

  @Query(() => PetitionDetailNode, { description: 'One petition the caller handles, with the explanation of its answer clock. Example: `petition(id: $id) { petition { status dueAt timeliness } clock { vi } }`.' })
  async petition(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<PetitionDetailNode> {
    const petition = await handledPetition(ctx, id);
    return { petition: toPetitionNode(petition), clock: await explainPetitionClock(ctx, petition) };
  }

  @Mutation(() => PetitionPayload, { description: 'Accepts a filed petition (`petition.handle`), optionally naming the officer it concerns; a complaint about an officer in a dossier becomes its COMPLAINT fact (criterion 7).' })
  async acceptPetition(@Arg('id', () => ID) id: string, @Arg('officerId', () => ID, { nullable: true }) officerId: string | null, @Ctx() ctx: RequestContext): Promise<PetitionPayload> {
    return payload(await acceptPetition(ctx, id, officerId));
  }

  @Mutation(() => PetitionPayload, { description: 'Refuses a filed petition as out of scope, with the reason the filer sees; judged against the acceptance limit.' })
  async rejectPetition(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: RequestContext): Promise<PetitionPayload> {
    return payload(await rejectPetition(ctx, id, reason));
  }

  @Mutation(() => PetitionPayload, { description: 'Answers an accepted petition; its timeliness is judged on the VN-GOV calendar and a late answer marks it protracted (kéo dài).' })
  async answerPetition(@Arg('id', () => ID) id: string, @Arg('answer') answer: string, @Ctx() ctx: RequestContext): Promise<PetitionPayload> {
    return payload(await answerPetition(ctx, id, answer));
  }

  @Mutation(() => PetitionPayload, { description: 'Closes an answered petition.' })
  async closePetition(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<PetitionPayload> {
    return payload(await closePetition(ctx, id));
  }

  @Mutation(() => PetitionPayload, { description: 'Records that a complaint was found untrue, with the reason: it leaves criterion 8 and (COMPLAINT_DISMISSED) criterion 7.' })
  async dismissComplaint(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: RequestContext): Promise<PetitionPayload> {
    return payload(await dismissComplaint(ctx, id, reason));
  }
}
