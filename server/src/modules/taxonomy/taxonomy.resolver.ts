import { Authorized, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { PUBLIC } from "../../common/auth-checker";
import { Context } from "../../app/context";
import { FieldOfAction, Municipality, TargetGroup } from "./taxonomy.entity";
import { listFields, listMunicipalities, listTargetGroups } from "./taxonomy.service";

@Authorized(PUBLIC)
@Resolver(() => FieldOfAction)
export class FieldOfActionResolver {
  @Query(() => [FieldOfAction], { description: "All fields of action, parents before children." })
  fieldsOfAction(@Ctx() ctx: Context): Promise<FieldOfAction[]> {
    return listFields(ctx);
  }

  @FieldResolver(() => FieldOfAction, { nullable: true })
  async parent(@Root() f: FieldOfAction, @Ctx() ctx: Context): Promise<FieldOfAction | null> {
    return f.parentId === null ? null : ((await ctx.loaders.fields()).get(f.parentId) ?? null);
  }

  @FieldResolver(() => [FieldOfAction])
  async children(@Root() f: FieldOfAction, @Ctx() ctx: Context): Promise<FieldOfAction[]> {
    return (await listFields(ctx)).filter((c) => c.parentId === f.rowId);
  }
}

@Authorized(PUBLIC)
@Resolver(() => TargetGroup)
export class TargetGroupResolver {
  @Query(() => [TargetGroup])
  targetGroups(@Ctx() ctx: Context): Promise<TargetGroup[]> {
    return listTargetGroups(ctx);
  }

  @FieldResolver(() => TargetGroup, { nullable: true })
  async parent(@Root() t: TargetGroup, @Ctx() ctx: Context): Promise<TargetGroup | null> {
    return t.parentId === null ? null : ((await ctx.loaders.targetGroups()).get(t.parentId) ?? null);
  }
}

@Authorized(PUBLIC)
@Resolver(() => Municipality)
export class MunicipalityResolver {
  @Query(() => [Municipality], { description: "The county's towns and municipalities, alphabetically." })
  municipalities(@Ctx() ctx: Context): Promise<Municipality[]> {
    return listMunicipalities(ctx);
  }
}
