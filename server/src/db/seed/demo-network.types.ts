import { ActorKind, CooperationKind, Level, MeasureStatus, MembershipRole, NetworkKind } from "../../common/enums";

/**
 * The demo network as plain data. Actors are referred to by `key`, fields of action and target groups by their
 * taxonomy keys, municipalities by their exact name from data/municipalities-loerrach.csv. Dates are ISO
 * (YYYY-MM-DD). The loader (load-demo.ts) turns this into rows in one transaction.
 */
export interface DemoContact {
  name: string;
  role: string;
  email?: string;
  phone?: string;
}

export interface DemoActor {
  key: string;
  name: string;
  shortName?: string;
  kind: ActorKind;
  level: Level;
  description: string;
  website?: string;
  email?: string;
  phone?: string;
  address?: string;
  municipality?: string;
  languages: string[];
  tags: string[];
  contacts: DemoContact[];
}

export interface DemoFunding {
  source: string;
  level: Level;
}

export interface DemoMeasure {
  title: string;
  description: string;
  provider: string;
  partners: string[];
  fields: string[];
  targetGroups: string[];
  ageMin: number | null;
  ageMax: number | null;
  languages: string[];
  countyWide: boolean;
  municipalities: string[];
  venue?: string;
  startDate: string | null;
  endDate: string | null;
  schedule?: string;
  capacity: number | null;
  cost: number | null;
  costNote?: string;
  funding: DemoFunding[];
  level: Level;
  status: MeasureStatus;
  published: boolean;
  registrationUrl?: string;
  lastConfirmedOn: string | null;
}

export interface DemoHandler {
  actor: string;
  field: string;
  targetGroups: string[];
  ageMin: number | null;
  ageMax: number | null;
  countyWide: boolean;
  municipalities: string[];
  languages: string[];
  priority: number;
  note?: string;
}

export interface DemoMeeting {
  date: string;
  title: string;
  location?: string;
  participants: string[];
  minutes: string;
  decisions: string[];
}

export interface DemoMembership {
  actor: string;
  role: MembershipRole;
  since: string;
  until?: string | null;
}

export interface DemoNetworkBody {
  key: string;
  name: string;
  shortName?: string;
  kind: NetworkKind;
  description: string;
  memberships: DemoMembership[];
  meetings: DemoMeeting[];
}

export interface DemoCooperation {
  a: string;
  b: string;
  kind: CooperationKind;
  since: string | null;
  until?: string | null;
  note?: string;
}

export interface DemoNetwork {
  actors: DemoActor[];
  measures: DemoMeasure[];
  handlers: DemoHandler[];
  networks: DemoNetworkBody[];
  cooperations: DemoCooperation[];
}
