import { Arg, Args, Ctx, Field, ID, InputType, Mutation, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { Connection, type ConnectionResult, PageArgs, type RequestContext } from '@motcua/kernel/contract';
import { Dispute, type DisputeProposal as Proposal, type DisputeStatus as Status } from './dispute.entity.js';
import { decideDispute, fileDispute, listDisputes } from './dispute.service.js';

export enum DisputeStatus { OPEN = 'OPEN', ACCEPTED = 'ACCEPTED', REJECTED = 'REJECTED' }
export enum DisputeProposal { EXCLUDE = 'EXCLUDE', REATTRIBUTE = 'REATTRIBUTE' }
registerEnumType(DisputeStatus, { name: 'DisputeStatus', description: 'Open, or decided (accepted: the scores changed; rejected: they did not).' });
registerEnumType(DisputeProposal, {
  name: 'DisputeProposal',
  description: 'What the officer asks for.',
  valuesConfig: { EXCLUDE: { description: 'The fact leaves every score.' }, REATTRIBUTE: { description: 'The fact counts against another unit (and officer).' } },
});

@ObjectType('EvaluationDispute', { description: "An officer's dispute of how one dossier fact counts against them, with its decision; kept for good." })
export class DisputeNode {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The disputed fact (see `scorecardFacts`).' }) factId!: string;
  @Field(() => ID) dossierId!: string;
  @Field() factKind!: string;
  @Field(() => ID) agencyId!: string;
  @Field(() => ID, { description: 'The unit the fact counted against when filed.' }) unitId!: string;
  @Field(() => ID, { description: 'The officer who filed it.' }) officerId!: string;
  @Field() reason!: string;
  @Field(() => DisputeProposal) proposal!: Proposal;
  @Field(() => ID, { nullable: true }) targetUnitId!: string | null;
  @Field(() => ID, { nullable: true }) targetOfficerId!: string | null;
  @Field(() => DisputeStatus) status!: Status;
  @Field(() => ID, { nullable: true }) decidedBy!: string | null;
  @Field(() => String, { nullable: true }) decisionReason!: string | null;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
}

@ObjectType({ description: 'A page of disputes.' })
export class DisputeConnection extends Connection(DisputeNode, 'EvaluationDispute') {}

@InputType({ description: 'A dispute of one fact that counts against the caller.' })
export class FileDisputeInput {
  @Field(() => ID) factId!: string;
  @Field({ description: 'Why it should not count against you, e.g. "Chậm do Phòng Bổ trợ tư pháp trả lời muộn".' }) reason!: string;
  @Field(() => DisputeProposal) proposal!: Proposal;
  @Field(() => ID, { nullable: true, description: 'REATTRIBUTE: the responsible unit of the same agency.' }) targetUnitId?: string | null;
  @Field(() => ID, { nullable: true, description: 'REATTRIBUTE: the responsible officer (none: the unit only).' }) targetOfficerId?: string | null;
}

@InputType({ description: 'A decision on an open dispute.' })
export class DecideDisputeInput {
  @Field(() => ID) id!: string;
  @Field({ description: 'True accepts (the scores change), false rejects.' }) accept!: boolean;
  @Field({ description: 'Why, kept with the dispute.' }) reason!: string;
}

@ObjectType({ description: 'The dispute after the mutation.' })
export class DisputePayload {
  @Field(() => DisputeNode) dispute!: DisputeNode;
}

function toDisputeNode(d: Dispute): DisputeNode {
  return {
    id: d.id, factId: d.factId, dossierId: d.dossierId, factKind: d.factKind, agencyId: d.agencyId, unitId: d.unitId,
    officerId: d.officerId, reason: d.reason, proposal: d.proposal, targetUnitId: d.targetUnitId ?? null,
    targetOfficerId: d.targetOfficerId ?? null, status: d.status, decidedBy: d.decidedBy ?? null, decisionReason: d.decisionReason ?? null,
    createdAt: d.createdAt, decidedAt: d.decidedAt ?? null,
  };
}

function toConnectionNodes(connection: ConnectionResult<Dispute>) {
  const nodes = connection.nodes.map(toDisputeNode);
  return { ...connection, nodes, edges: connection.edges.map((edge, i) => ({ ...edge, node: nodes[i] })) };
}

/** Disputes: officers contest how a fact counts against them; unit leaders and supervisors decide. */
@Resolver()
export class DisputeResolver {
  @Query(() => DisputeConnection, { description: "Disputes the caller may read, newest first: an officer's own, a leader's unit or agency, the province office all. Example: `evaluationDisputes(status: OPEN) { nodes { id reason factKind } }`." })
  async evaluationDisputes(
    @Arg('status', () => DisputeStatus, { nullable: true }) status: Status | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return toConnectionNodes(await listDisputes(ctx, status, page));
  }

  @Mutation(() => DisputePayload, { description: 'Files a dispute of a fact that counts against the caller (a step, supplement request, apology, result or rating), asking to exclude it or to count it against another unit; one open dispute per fact.' })
  async fileEvaluationDispute(@Arg('input') input: FileDisputeInput, @Ctx() ctx: RequestContext): Promise<DisputePayload> {
    return { dispute: toDisputeNode(await fileDispute(ctx, input)) };
  }

  @Mutation(() => DisputePayload, { description: "Accepts or rejects an open dispute with a reason (`evaluation.review` over the fact's unit; not by the officer who filed it). Accepting excludes or re-attributes the fact and the affected scorecards change at once." })
  async decideEvaluationDispute(@Arg('input') input: DecideDisputeInput, @Ctx() ctx: RequestContext): Promise<DisputePayload> {
    return { dispute: toDisputeNode(await decideDispute(ctx, input.id, input.accept, input.reason)) };
  }
}
