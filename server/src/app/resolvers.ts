import { NonEmptyArray } from "type-graphql";
import { ActorResolver, ContactPersonResolver } from "../modules/actors/actor.resolver";
import { AnalysisResolver, ReferralResolver } from "../modules/analysis/analysis.resolver";
import { AuditResolver } from "../modules/audit/audit.resolver";
import { AccountResolver, PublicAuthResolver } from "../modules/auth/auth.resolver";
import { CooperationResolver } from "../modules/cooperations/cooperation.resolver";
import { HandlerResolver } from "../modules/handlers/handler.resolver";
import { MeasureResolver } from "../modules/measures/measure.resolver";
import { MeetingResolver, MembershipResolver, NetworkResolver } from "../modules/networks/network.resolver";
import { NodeResolver } from "../modules/node/node.resolver";
import { ActorOverlapResolver, MeasureOverlapResolver, OverlapResolver } from "../modules/overlaps/overlap.resolver";
import { FieldOfActionResolver, MunicipalityResolver, TargetGroupResolver } from "../modules/taxonomy/taxonomy.resolver";

/** Every resolver class, listed explicitly. */
export const RESOLVERS: NonEmptyArray<Function> = [
  PublicAuthResolver,
  AccountResolver,
  AuditResolver,
  NodeResolver,
  FieldOfActionResolver,
  TargetGroupResolver,
  MunicipalityResolver,
  ActorResolver,
  ContactPersonResolver,
  MeasureResolver,
  HandlerResolver,
  NetworkResolver,
  MembershipResolver,
  MeetingResolver,
  CooperationResolver,
  AnalysisResolver,
  ReferralResolver,
  OverlapResolver,
  MeasureOverlapResolver,
  ActorOverlapResolver,
];
