import { useQuery } from "@apollo/client/react";
import { createContext, useContext, type ReactNode } from "react";
import type { MeQuery, Role } from "../gql/graphql";
import { meQuery } from "../modules/auth/auth.documents";

export type Account = NonNullable<MeQuery["me"]>;

type Session = {
  account: Account | null;
  role: Role | null;
  /** True until the first `me` answer arrived: guards wait instead of bouncing to the login. */
  loading: boolean;
};

const SessionContext = createContext<Session>({ account: null, role: null, loading: true });

export function SessionProvider({ children }: { children: ReactNode }) {
  const { data, loading } = useQuery(meQuery);
  const account = data?.me ?? null;
  return (
    <SessionContext.Provider value={{ account, role: account?.role ?? null, loading: loading && !data }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  return useContext(SessionContext);
}

/** Where each role starts after logging in. */
export function homeOf(role: Role | null): string {
  switch (role) {
    case "COMMISSIONER":
      return "/karte";
    case "PARTNER":
      return "/portal";
    case "ANALYST":
      return "/analyse";
    default:
      return "/";
  }
}
