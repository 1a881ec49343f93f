import { useTranslation } from "react-i18next";
import { StatusMessage } from "./StatusMessage";

type Props = { onReload: () => void; busy?: boolean };

/**
 * Someone else saved first (CONFLICT): nothing was changed. The form keeps the user's edits; reloading
 * fetches the current version and applies the same edits on top of it, for the user to check and save.
 */
export function ConflictNotice({ onReload, busy }: Props) {
  const { t } = useTranslation();
  return (
    <StatusMessage
      kind="error"
      action={
        <button type="button" className="button" onClick={onReload} disabled={busy}>
          {t("common:conflict.reload")}
        </button>
      }
    >
      {t("errors:CONFLICT")}
    </StatusMessage>
  );
}
