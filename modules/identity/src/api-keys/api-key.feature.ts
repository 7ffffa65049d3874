import { Arg, Ctx, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import {
  accessibleWhere, AppError, appendAudit, asBoolean, relationId, asDate, asJson, asOptionalDate, ensureCan, readPage,
  requirePrincipal, type RequestContext, uuid7,
} from '@motcua/kernel/contract';
import { agencyEntityOrFail } from '../agencies/agency.service.js';
import { randomSecret, sha256 } from '../auth/tokens.js';
import { OkPayload } from '../auth/auth.types.js';
import { IdInput } from '../roles/role.types.js';
import { ApiKey } from './api-key.entity.js';
import { User } from '../staff/user.entity.js';
import { assertHoldsAll, validPermissions } from '../roles/role.service.js';

@ObjectType('ApiKey', { description: 'A key for a system integration. The secret itself is shown only once, at creation.' })
export class ApiKeyNode {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: 'Public prefix that identifies the key in logs.' }) prefix!: string;
  @Field(() => ID) unitId!: string;
  @Field() includeSubtree!: boolean;
  @Field(() => [String]) permissions!: string[];
  @Field(() => Date, { nullable: true }) expiresAt!: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
  @Field() createdAt!: Date;
}

@InputType()
export class CreateApiKeyInput {
  @Field() name!: string;
  @Field(() => ID, { description: 'The unit the key acts in.' }) unitId!: string;
  @Field({ nullable: true, defaultValue: false }) includeSubtree?: boolean;
  @Field(() => [String], { description: 'Permissions, at most those you hold there.' }) permissions!: string[];
  @Field({ nullable: true }) expiresAt?: Date;
}

@ObjectType()
export class CreateApiKeyPayload {
  @Field(() => ApiKeyNode) apiKey!: ApiKeyNode;
  @Field({ description: 'Send as `Authorization: Bearer <secret>`. Store it now: it cannot be shown again.' }) secret!: string;
}

function toApiKeyNode(row: Record<string, any>): ApiKeyNode {
  return {
    id: row.id, name: row.name, prefix: row.prefix,
    unitId: relationId(row.unit)!,
    includeSubtree: asBoolean(row.includeSubtree), permissions: asJson<string[]>(row.permissions),
    expiresAt: asOptionalDate(row.expiresAt), revokedAt: asOptionalDate(row.revokedAt), createdAt: asDate(row.createdAt),
  };
}

/** Integration API keys: create (secret shown once), list, revoke. */
@Resolver()
export class ApiKeyResolver {
  @Query(() => [ApiKeyNode], { description: 'API keys of the units where you manage keys.' })
  async apiKeys(@Ctx() ctx: RequestContext): Promise<ApiKeyNode[]> {
    requirePrincipal(ctx);
    const where = accessibleWhere<ApiKey>(ctx.ability, 'read', 'ApiKey');
    if (!where) return [];
    const { rows } = await readPage(ctx.em, ApiKey, where, { offset: 0, limit: 100 }, { createdAt: 'desc' });
    return rows.map(toApiKeyNode);
  }

  @Mutation(() => CreateApiKeyPayload, { description: 'Creates an API key; the response carries its secret, once.' })
  async createApiKey(@Arg('input') input: CreateApiKeyInput, @Ctx() ctx: RequestContext): Promise<CreateApiKeyPayload> {
    const principal = requirePrincipal(ctx);
    const unit = await agencyEntityOrFail(ctx, input.unitId);
    ensureCan(ctx, 'create', 'ApiKey', { unit: { id: unit.id, path: unit.path } });
    const name = input.name.trim();
    if (!name || name.length > 200) throw AppError.badInput('name', { vi: 'tên phải có 1–200 ký tự', en: 'the name must be 1–200 characters' });
    // Declared permissions only: `*` would grant everything everywhere, whatever the key's unit.
    const permissions = validPermissions(ctx, input.permissions);
    assertHoldsAll(ctx, permissions, unit, Boolean(input.includeSubtree));
    const now = ctx.clock.now();
    if (input.expiresAt && input.expiresAt <= now) {
      throw AppError.badInput('expiresAt', { vi: 'ngày hết hạn phải ở tương lai', en: 'the expiry must be in the future' });
    }
    const prefix = `mc_${randomSecret(6)}`;
    const secret = randomSecret(32);
    const key = ctx.em.create(ApiKey, {
      id: uuid7(now.getTime()), name, prefix, secretHash: sha256(secret), owner: ctx.em.getReference(User, principal.userId),
      unit, includeSubtree: Boolean(input.includeSubtree), permissions,
      expiresAt: input.expiresAt ?? null, createdAt: now,
    });
    await ctx.em.flush();
    await appendAudit(ctx.em, { actorId: principal.userId, action: 'identity.apiKey.create', entityType: 'ApiKey', entityId: key.id, data: { name, prefix, permissions: key.permissions } }, now);
    return { apiKey: toApiKeyNode(key), secret: `${prefix}.${secret}` };
  }

  @Mutation(() => OkPayload, { description: 'Revokes an API key; it stops working at once.' })
  async revokeApiKey(@Arg('input') input: IdInput, @Ctx() ctx: RequestContext): Promise<OkPayload> {
    const key = await ctx.em.findOne(ApiKey, input.id, { populate: ['unit'] });
    if (!key) throw AppError.notFound({ vi: 'khoá API', en: 'API key' }, input.id);
    const unit = key.unit.getEntity();
    ensureCan(ctx, 'delete', 'ApiKey', { unit: { id: unit.id, path: unit.path } });
    key.revokedAt = ctx.clock.now();
    await ctx.em.flush();
    await appendAudit(ctx.em, { actorId: requirePrincipal(ctx).userId, action: 'identity.apiKey.revoke', entityType: 'ApiKey', entityId: key.id }, key.revokedAt);
    return { ok: true };
  }
}
