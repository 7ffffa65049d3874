import { DateTimeScalar, ZonedDateTime } from '@motcua/workflow/contract';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Channel } from '../procedures/content.js';
import { TimeLimitInput, TimeLimitNode } from '../procedures/procedure.types.js';

@ObjectType('OfferedChannel', { description: 'A channel an agency offers, with its limits.' })
export class OfferedChannelNode {
  @Field(() => Channel) channel!: Channel;
  @Field(() => TimeLimitNode, { nullable: true, description: "The agency's own, shorter limit, if any." }) localLimit!: TimeLimitNode | null;
  @Field(() => TimeLimitNode, { nullable: true, description: 'The statutory limit of the version in force today (null if the channel is not in it).' }) statutoryLimit!: TimeLimitNode | null;
  @Field(() => TimeLimitNode, { nullable: true, description: 'What applies: the local limit when within the statutory one, else the statutory one.' }) effectiveLimit!: TimeLimitNode | null;
}

@ObjectType('ProcedureOffering', { description: 'An agency offering a procedure: receiving units, channels, local limits, workflow.' })
export class OfferingNode {
  @Field(() => ID) id!: string;
  @Field(() => ID) procedureId!: string;
  @Field(() => ID, { description: 'The offering agency.' }) agencyId!: string;
  @Field(() => [ID], { description: 'Units of the agency that receive dossiers.' }) receivingUnitIds!: string[];
  @Field(() => String, { nullable: true, description: 'Workflow definition used to process dossiers (workflow module, by id). Admin field: null without `catalog.offering` over the agency.' }) workflowDefinitionId!: string | null;
  @Field(() => DateTimeScalar) updatedAt!: ZonedDateTime;
  /** Channels as stored; resolved with their statutory limits. */
  offered!: Array<{ channel: Channel; localLimit: TimeLimitNode | null }>;
}

@InputType('OfferedChannelInput')
export class OfferedChannelInput {
  @Field(() => Channel) channel!: Channel;
  @Field(() => TimeLimitInput, { nullable: true, description: 'Optional local limit; refused when longer than the statutory one.' }) localLimit?: TimeLimitInput;
}

@InputType({ description: "Creates or replaces an agency's offering of a procedure." })
export class SetProcedureOfferingInput {
  @Field(() => ID) procedureId!: string;
  @Field(() => ID) agencyId!: string;
  @Field(() => [ID], { description: "Receiving units: the agency's own, or the service centre desk receiving on its behalf." }) receivingUnitIds!: string[];
  @Field(() => [OfferedChannelInput]) channels!: OfferedChannelInput[];
  @Field({ nullable: true, description: 'Workflow definition id (opaque reference).' }) workflowDefinitionId?: string;
}

@ObjectType({ description: 'The offering a mutation wrote.' })
export class OfferingPayload {
  @Field(() => OfferingNode) offering!: OfferingNode;
}
