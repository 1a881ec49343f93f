import type { RouteObject } from "react-router";
import { OverviewPage } from "../modules/overview/OverviewPage";
import { Layout } from "./Layout";
import { lazyPage } from "./lazy";
import { NotFoundPage } from "./NotFoundPage";
import { RequireRole } from "./RequireRole";

const LoginPage = lazyPage(() => import("../modules/auth/LoginPage"), "LoginPage");
const AcceptInvitationPage = lazyPage(() => import("../modules/auth/AcceptInvitationPage"), "AcceptInvitationPage");
const MeasuresPage = lazyPage(() => import("../modules/measures/MeasuresPage"), "MeasuresPage");
const MeasurePage = lazyPage(() => import("../modules/measures/MeasurePage"), "MeasurePage");
const MeasureEditPage = lazyPage(() => import("../modules/measures/MeasureEditPage"), "MeasureEditPage");
const MeasureCreatePage = lazyPage(() => import("../modules/measures/MeasureEditPage"), "MeasureCreatePage");
const ActorsPage = lazyPage(() => import("../modules/actors/ActorsPage"), "ActorsPage");
const ActorPage = lazyPage(() => import("../modules/actors/ActorPage"), "ActorPage");
const ActorEditPage = lazyPage(() => import("../modules/actors/ActorEditPage"), "ActorEditPage");
const OverlapsPage = lazyPage(() => import("../modules/overlaps/OverlapsPage"), "OverlapsPage");
const OverlapPage = lazyPage(() => import("../modules/overlaps/OverlapPage"), "OverlapPage");
const ReferralPage = lazyPage(() => import("../modules/referral/ReferralPage"), "ReferralPage");
const PartnerPage = lazyPage(() => import("../modules/partner/PartnerPage"), "PartnerPage");
const CoveragePage = lazyPage(() => import("../modules/gaps/CoveragePage"), "CoveragePage");
const NetworksPage = lazyPage(() => import("../modules/networks/NetworksPage"), "NetworksPage");
const NetworkPage = lazyPage(() => import("../modules/networks/NetworkPage"), "NetworkPage");
const NetworkCreatePage = lazyPage(() => import("../modules/networks/NetworkEditPage"), "NetworkCreatePage");
const NetworkEditPage = lazyPage(() => import("../modules/networks/NetworkEditPage"), "NetworkEditPage");
const MeetingCreatePage = lazyPage(() => import("../modules/networks/MeetingEditPage"), "MeetingCreatePage");
const MeetingEditPage = lazyPage(() => import("../modules/networks/MeetingEditPage"), "MeetingEditPage");
const HandlersPage = lazyPage(() => import("../modules/handlers/HandlersPage"), "HandlersPage");
const HandlerCreatePage = lazyPage(() => import("../modules/handlers/HandlerEditPage"), "HandlerCreatePage");
const HandlerEditPage = lazyPage(() => import("../modules/handlers/HandlerEditPage"), "HandlerEditPage");
const CooperationsPage = lazyPage(() => import("../modules/cooperations/CooperationsPage"), "CooperationsPage");
const CooperationCreatePage = lazyPage(() => import("../modules/cooperations/CooperationEditPage"), "CooperationCreatePage");
const CooperationEditPage = lazyPage(() => import("../modules/cooperations/CooperationEditPage"), "CooperationEditPage");
const AccountsPage = lazyPage(() => import("../modules/accounts/AccountsPage"), "AccountsPage");
const ResetPasswordPage = lazyPage(() => import("../modules/auth/ResetPasswordPage"), "ResetPasswordPage");
const AuditPage = lazyPage(() => import("../modules/audit/AuditPage"), "AuditPage");
const MapPage = lazyPage(() => import("../modules/map/MapPage"), "MapPage");
const AnalystPage = lazyPage(() => import("../modules/analyst/AnalystPage"), "AnalystPage");

const signedIn = ["COMMISSIONER", "PARTNER", "ANALYST"] as const;
const editors = ["COMMISSIONER", "PARTNER"] as const;

/** German paths: the addresses are read aloud and shared by people in the county's offices. */
export const routes: RouteObject[] = [
  {
    path: "/",
    element: <Layout />,
    children: [
      { index: true, element: <OverviewPage /> },
      { path: "anmelden", element: <LoginPage /> },
      { path: "einladung", element: <AcceptInvitationPage /> },
      { path: "passwort-neu", element: <ResetPasswordPage /> },
      { path: "massnahmen", element: <MeasuresPage /> },
      { path: "massnahmen/neu", element: <RequireRole roles={[...editors]}><MeasureCreatePage /></RequireRole> },
      { path: "massnahmen/:id", element: <MeasurePage /> },
      { path: "massnahmen/:id/bearbeiten", element: <RequireRole roles={[...editors]}><MeasureEditPage /></RequireRole> },
      { path: "akteure", element: <RequireRole roles={[...signedIn]}><ActorsPage /></RequireRole> },
      { path: "akteure/:id", element: <RequireRole roles={[...signedIn]}><ActorPage /></RequireRole> },
      { path: "akteure/:id/bearbeiten", element: <RequireRole roles={[...editors]}><ActorEditPage /></RequireRole> },
      { path: "ueberschneidungen", element: <RequireRole roles={["COMMISSIONER", "ANALYST"]}><OverlapsPage /></RequireRole> },
      { path: "ueberschneidungen/:id", element: <RequireRole roles={[...signedIn]}><OverlapPage /></RequireRole> },
      { path: "wer-ist-zustaendig", element: <ReferralPage /> },
      { path: "portal", element: <RequireRole roles={["PARTNER"]}><PartnerPage /></RequireRole> },
      { path: "versorgung", element: <RequireRole roles={["COMMISSIONER", "ANALYST"]}><CoveragePage /></RequireRole> },
      { path: "gremien", element: <RequireRole roles={[...signedIn]}><NetworksPage /></RequireRole> },
      { path: "gremien/neu", element: <RequireRole roles={["COMMISSIONER"]}><NetworkCreatePage /></RequireRole> },
      { path: "gremien/:id", element: <RequireRole roles={[...signedIn]}><NetworkPage /></RequireRole> },
      { path: "gremien/:id/bearbeiten", element: <RequireRole roles={["COMMISSIONER"]}><NetworkEditPage /></RequireRole> },
      { path: "gremien/:id/sitzungen/neu", element: <RequireRole roles={["COMMISSIONER"]}><MeetingCreatePage /></RequireRole> },
      { path: "gremien/:id/sitzungen/:meetingId/bearbeiten", element: <RequireRole roles={["COMMISSIONER"]}><MeetingEditPage /></RequireRole> },
      { path: "zustaendigkeiten", element: <RequireRole roles={[...signedIn]}><HandlersPage /></RequireRole> },
      { path: "zustaendigkeiten/neu", element: <RequireRole roles={["COMMISSIONER"]}><HandlerCreatePage /></RequireRole> },
      { path: "zustaendigkeiten/:id/bearbeiten", element: <RequireRole roles={["COMMISSIONER"]}><HandlerEditPage /></RequireRole> },
      { path: "kooperationen", element: <RequireRole roles={[...signedIn]}><CooperationsPage /></RequireRole> },
      { path: "kooperationen/neu", element: <RequireRole roles={["COMMISSIONER"]}><CooperationCreatePage /></RequireRole> },
      { path: "kooperationen/:id/bearbeiten", element: <RequireRole roles={["COMMISSIONER"]}><CooperationEditPage /></RequireRole> },
      { path: "konten", element: <RequireRole roles={["COMMISSIONER"]}><AccountsPage /></RequireRole> },
      { path: "protokoll", element: <RequireRole roles={["COMMISSIONER"]}><AuditPage /></RequireRole> },
      { path: "analyse", element: <RequireRole roles={["COMMISSIONER", "ANALYST"]}><AnalystPage /></RequireRole> },
      { path: "karte", element: <RequireRole roles={["COMMISSIONER", "ANALYST"]}><MapPage /></RequireRole> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];
