import { registerEnumType } from "type-graphql";

/** What sort of organisation an actor is (DESIGN.md glossary: Akteur, Träger). */
export enum ActorKind {
  PUBLIC_AUTHORITY = "PUBLIC_AUTHORITY",
  WELFARE_ASSOCIATION = "WELFARE_ASSOCIATION",
  MIGRATION_SERVICE = "MIGRATION_SERVICE",
  EDUCATION_PROVIDER = "EDUCATION_PROVIDER",
  EMPLOYMENT_SERVICE = "EMPLOYMENT_SERVICE",
  MUNICIPALITY = "MUNICIPALITY",
  MIGRANT_ORGANISATION = "MIGRANT_ORGANISATION",
  VOLUNTEER_INITIATIVE = "VOLUNTEER_INITIATIVE",
  CHURCH = "CHURCH",
  ADVISORY_COUNCIL = "ADVISORY_COUNCIL",
  OTHER = "OTHER",
}

/** Ebene: who runs or funds something (Bund, Land, Landkreis, Kommune, freie Träger). */
export enum Level {
  FEDERAL = "FEDERAL",
  STATE = "STATE",
  COUNTY = "COUNTY",
  MUNICIPAL = "MUNICIPAL",
  NON_GOVERNMENTAL = "NON_GOVERNMENTAL",
}

export enum MeasureStatus {
  PLANNED = "PLANNED",
  ACTIVE = "ACTIVE",
  PAUSED = "PAUSED",
  ENDED = "ENDED",
}

export enum NetworkKind {
  WORKING_GROUP = "WORKING_GROUP",
  COMMITTEE = "COMMITTEE",
  ADVISORY_BOARD = "ADVISORY_BOARD",
  ALLIANCE = "ALLIANCE",
  STATE_CONFERENCE = "STATE_CONFERENCE",
}

export enum MembershipRole {
  CHAIR = "CHAIR",
  MEMBER = "MEMBER",
  GUEST = "GUEST",
}

export enum CooperationKind {
  REFERRAL = "REFERRAL",
  JOINT_MEASURE = "JOINT_MEASURE",
  FUNDING = "FUNDING",
  AGREEMENT = "AGREEMENT",
  INFORMATION_EXCHANGE = "INFORMATION_EXCHANGE",
}

export enum MunicipalityKind {
  TOWN = "TOWN",
  MUNICIPALITY = "MUNICIPALITY",
}

export enum SortDirection {
  ASC = "ASC",
  DESC = "DESC",
}

registerEnumType(ActorKind, { name: "ActorKind", description: "What sort of organisation an actor is." });
registerEnumType(Level, { name: "Level", description: "Federal, state, county, municipal or non-governmental." });
registerEnumType(MeasureStatus, { name: "MeasureStatus" });
registerEnumType(NetworkKind, { name: "NetworkKind", description: "The kind of body (Gremium)." });
registerEnumType(MembershipRole, { name: "MembershipRole" });
registerEnumType(CooperationKind, { name: "CooperationKind" });
registerEnumType(MunicipalityKind, { name: "MunicipalityKind" });
registerEnumType(SortDirection, { name: "SortDirection" });
