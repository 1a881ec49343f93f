import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { describeApiError } from "../app/api-error";
import { StatusMessage } from "./StatusMessage";

type Props = {
  loading: boolean;
  error: unknown;
  /** True once there is something to show (data may be stale while a refetch runs). */
  hasData: boolean;
  isEmpty?: boolean;
  loadingText?: string;
  emptyText?: ReactNode;
  errorText?: string;
  onRetry?: () => void;
  children: ReactNode;
};

/**
 * The three states every list and page has besides its content: loading (announced politely),
 * error (announced at once, with a retry) and empty (says so instead of showing a blank table).
 */
export function QueryState({ loading, error, hasData, isEmpty, loadingText, emptyText, errorText, onRetry, children }: Props) {
  const { t } = useTranslation();
  if (error && !hasData) {
    return (
      <StatusMessage
        kind="error"
        action={
          onRetry ? (
            <button type="button" className="button" onClick={onRetry}>
              {t("common:retry")}
            </button>
          ) : undefined
        }
      >
        {errorText ? `${errorText} ` : ""}
        {describeApiError(error, t)}
      </StatusMessage>
    );
  }
  if (loading && !hasData) return <StatusMessage kind="loading">{loadingText ?? t("common:loading")}</StatusMessage>;
  if (!hasData) return null;
  if (isEmpty) return <StatusMessage kind="empty">{emptyText ?? t("common:empty")}</StatusMessage>;
  return (
    <>
      {loading && (
        <p className="visually-hidden" role="status">
          {t("common:updating")}
        </p>
      )}
      {children}
    </>
  );
}
