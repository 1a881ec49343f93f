import type { ComponentType, ReactNode } from "react";

type Document = object;

/** The shape of tests/web/harness/entry.tsx after bundling (the bundle itself is untyped JavaScript). */
export type WebHarness = {
  i18n: { changeLanguage(language: string): Promise<unknown>; language: string };
  describeApiError(error: unknown, t: (key: string, options?: object) => string): string;
  fieldErrors(error: unknown, t: (key: string, options?: object) => string): Record<string, string>;
  API_ERROR_CODES: readonly string[];
  LoginForm: ComponentType<{ onLoggedIn: (account: { id: string; email: string; role: string }) => void }>;
  loginMutation: Document;
  ActorForm: ComponentType<{
    id: string;
    version: number;
    initial: ActorValues;
    reload: () => Promise<{ values: ActorValues; version: number }>;
    onSaved?: () => void;
  }>;
  updateActorMutation: Document;
  taxonomyQuery: Document;
  QueryState: ComponentType<{
    loading: boolean;
    error: unknown;
    hasData: boolean;
    isEmpty?: boolean;
    emptyText?: ReactNode;
    onRetry?: () => void;
    children?: ReactNode;
  }>;
  createCache(): object;

  NetworkForm: ComponentType<{
    initial: NetworkValues;
    existing?: { id: string; version: number; reload: () => Promise<{ values: NetworkValues; version: number }> };
    onSaved: (id: string) => void;
  }>;
  MembershipForm: ComponentType<{
    networkId: string;
    initial: MembershipValues;
    actorOptions?: Option[];
    existing?: { id: string; version: number; reload: () => Promise<{ values: MembershipValues; version: number }> };
    onSaved: () => void;
    onCancel?: () => void;
  }>;
  MeetingForm: ComponentType<{
    networkId: string;
    initial: MeetingValues;
    memberOptions?: Option[];
    existing?: { id: string; version: number; onVersion: (version: number) => void; reload: () => Promise<{ values: MeetingValues; version: number }> };
    onSaved: (id: string) => void;
  }>;
  emptyNetwork(): NetworkValues;
  emptyMembership(): MembershipValues;
  emptyMeeting(): MeetingValues;
  createNetworkMutation: Document;
  addMembershipMutation: Document;
  updateMembershipMutation: Document;
  createMeetingMutation: Document;

  HandlerForm: ComponentType<{
    initial: HandlerValues;
    actorOptions: Option[];
    existing?: { id: string; version: number; reload: () => Promise<{ values: HandlerValues; version: number }> };
    onSaved: (saved: { id: string; actorId: string }) => void;
  }>;
  emptyHandler(actorId?: string): HandlerValues;
  createHandlerMutation: Document;
  updateHandlerMutation: Document;

  CooperationForm: ComponentType<{
    initial: CooperationValues;
    actorOptions?: Option[];
    existing?: { id: string; version: number; actorNames: [string, string]; reload: () => Promise<{ values: CooperationValues; version: number }> };
    onSaved: (saved: { id: string; actorId: string }) => void;
  }>;
  emptyCooperation(actorAId?: string): CooperationValues;
  createCooperationMutation: Document;

  InvitationForm: ComponentType<{ actorOptions: Option[]; initialActorId?: string }>;
  createInvitationMutation: Document;
};

export type Option = { value: string; label: string };
export type NetworkValues = { name: string; shortName: string; kind: string; description: string };
export type MembershipValues = { actorId: string; role: string; since: string; until: string };
export type MeetingValues = { date: string; title: string; location: string; minutes: string; decisions: string; participantIds: string[] };
export type HandlerValues = {
  actorId: string;
  fieldOfActionId: string;
  targetGroupIds: string[];
  ageMin: string;
  ageMax: string;
  countyWide: boolean;
  municipalityIds: string[];
  languages: string;
  priority: string;
  note: string;
};
export type CooperationValues = { actorAId: string; actorBId: string; kind: string; since: string; until: string; note: string };

export type ActorValues = {
  name: string;
  shortName: string;
  description: string;
  email: string;
  phone: string;
  website: string;
  address: string;
  municipalityId: string;
  languages: string;
  contactPersons: { id?: string; name: string; role: string; email: string; phone: string }[];
};
