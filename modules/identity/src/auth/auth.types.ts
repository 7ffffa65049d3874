import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserKind } from '../staff/user.entity.js';

@InputType()
export class LoginInput {
  @Field()
  username!: string;

  @Field()
  password!: string;
}

@InputType()
export class RefreshTokenInput {
  @Field({ description: 'The refresh token from the last login or refresh; it is single-use.' })
  refreshToken!: string;
}

@InputType()
export class LogoutInput {
  @Field({ nullable: true, defaultValue: false, description: 'Sign out of every device, not only this session.' })
  everywhere?: boolean;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  currentPassword!: string;

  @Field()
  newPassword!: string;
}

@InputType({ description: 'A citizen or organisation signing up on a portal.' })
export class RegisterCitizenInput {
  @Field()
  username!: string;

  @Field()
  password!: string;

  @Field()
  fullName!: string;

  @Field({ nullable: true })
  email?: string;

  @Field({ nullable: true })
  phone?: string;

  @Field({ nullable: true, description: 'CCCD (12 digits).' })
  personalId?: string;
}

@ObjectType({ description: 'One permission the caller holds, and where.' })
export class GrantNode {
  @Field()
  permission!: string;

  @Field(() => ID, { nullable: true, description: 'The unit it applies to; null = everywhere.' })
  unitId!: string | null;

  @Field({ description: 'Whether it also covers every unit below `unitId`.' })
  includeSubtree!: boolean;
}

@ObjectType('Me', { description: 'The signed-in user.' })
export class MeNode {
  @Field(() => ID)
  id!: string;

  @Field()
  username!: string;

  @Field()
  fullName!: string;

  @Field(() => UserKind)
  kind!: UserKind;

  @Field(() => ID, { nullable: true, description: 'The unit the user belongs to (null for citizens).' })
  agencyId!: string | null;

  @Field(() => [GrantNode], { description: 'What the user may do, for showing or hiding UI; the server checks anyway.' })
  grants!: GrantNode[];
}

@ObjectType()
export class LoginPayload {
  @Field({ description: 'Send as `Authorization: Bearer <accessToken>`.' })
  accessToken!: string;

  @Field({ description: 'When the access token expires (ISO-8601).' })
  expiresAt!: Date;

  @Field({ description: 'Single-use; exchange it with `refreshToken` for a new pair before it expires.' })
  refreshToken!: string;

  @Field()
  refreshExpiresAt!: Date;

  @Field(() => MeNode)
  user!: MeNode;
}

@ObjectType()
export class OkPayload {
  @Field()
  ok!: boolean;
}
