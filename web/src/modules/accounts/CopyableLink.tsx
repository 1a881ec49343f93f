import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../ui/format";

/**
 * A single-use link to hand over (invitation or password reset): shown once, never stored readable
 * by the server, so it is copied here. Where the clipboard is not available (an old browser, a
 * policy), the text is selected for Ctrl+C.
 */
export function CopyableLink({ label, url, expiresAt }: { label: string; url: string; expiresAt: string }) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "manual" | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("yes");
    } catch {
      input.current?.focus();
      input.current?.select();
      setCopied("manual");
    }
  }
  return (
    <div className="copy-link">
      <div className="field">
        <label htmlFor={id} className="field__label">
          {label}
        </label>
        <input id={id} ref={input} type="text" readOnly value={url} aria-describedby={`${id}-hint`} onFocus={(event) => event.target.select()} />
        <span id={`${id}-hint`} className="field__hint">
          {t("accounts:link.validUntil", { date: formatDateTime(expiresAt) })}
        </span>
      </div>
      <div className="actions">
        <button type="button" className="button" onClick={() => void copy()}>
          {t("accounts:link.copy")}
        </button>
        <p role="status" className="small">
          {copied === "yes" ? t("accounts:link.copied") : copied === "manual" ? t("accounts:link.copyManually") : ""}
        </p>
      </div>
    </div>
  );
}
