/**
 * What the component tests render, bundled by helpers/web-harness.ts into one CommonJS file: the
 * root jest config transforms only `.ts` with the server's tsconfig, so it cannot load the client's
 * TSX and ESM-only modules itself. React, Apollo and i18next stay external, so the tests and the
 * components share one copy of each (one React, one Apollo context).
 */
export { i18n } from "../../../web/src/app/i18n";
export { describeApiError, fieldErrors, conflictOf, API_ERROR_CODES } from "../../../web/src/app/api-error";
export { LoginForm } from "../../../web/src/modules/auth/LoginForm";
export { loginMutation } from "../../../web/src/modules/auth/auth.documents";
export { ActorForm, actorValues, toUpdateActorInput } from "../../../web/src/modules/actors/ActorForm";
export { updateActorMutation } from "../../../web/src/modules/actors/actors.documents";
export { taxonomyQuery } from "../../../web/src/modules/taxonomy/taxonomy.documents";
export { QueryState } from "../../../web/src/ui/QueryState";
export { createCache } from "../../../web/src/app/apollo-client";
export { NetworkForm } from "../../../web/src/modules/networks/NetworkForm";
export { MembershipForm } from "../../../web/src/modules/networks/MembershipForm";
export { MeetingForm } from "../../../web/src/modules/networks/MeetingForm";
export { emptyNetwork, emptyMembership, emptyMeeting } from "../../../web/src/modules/networks/network.form";
export { createNetworkMutation, addMembershipMutation, updateMembershipMutation, createMeetingMutation } from "../../../web/src/modules/networks/networks.documents";
export { HandlerForm } from "../../../web/src/modules/handlers/HandlerForm";
export { emptyHandler } from "../../../web/src/modules/handlers/handler.form";
export { createHandlerMutation, updateHandlerMutation } from "../../../web/src/modules/handlers/handlers.documents";
export { CooperationForm } from "../../../web/src/modules/cooperations/CooperationForm";
export { emptyCooperation } from "../../../web/src/modules/cooperations/cooperation.form";
export { createCooperationMutation } from "../../../web/src/modules/cooperations/cooperations.documents";
export { InvitationForm } from "../../../web/src/modules/accounts/InvitationForm";
export { createInvitationMutation } from "../../../web/src/modules/accounts/accounts.documents";
