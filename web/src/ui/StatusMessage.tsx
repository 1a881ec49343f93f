import type { ReactNode } from "react";

type Props = {
  kind: "loading" | "empty" | "error";
  children: ReactNode;
  action?: ReactNode;
  /** false for a second message about the same failure, so screen readers announce it once. */
  announce?: boolean;
};

/**
 * Loading and empty states are announced politely; errors interrupt (role="alert"), so screen
 * reader users learn of them without hunting.
 */
export function StatusMessage({ kind, children, action, announce = true }: Props) {
  const live = announce ? { role: kind === "error" ? "alert" : "status" } : {};
  return (
    <div className={`status status--${kind}`} {...live}>
      <p>{children}</p>
      {action}
    </div>
  );
}
