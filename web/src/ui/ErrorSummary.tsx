import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { fieldDomId } from "./Field";

type Props = {
  /** Field errors by path, as fieldErrors() returns them. */
  errors: Record<string, string>;
  /** Human names of the fields by path; unknown paths fall back to the path. */
  labels: Record<string, string>;
};

/**
 * The list of everything wrong with a form, at its top, focused when it appears, each entry a link
 * to its field (the pattern public-sector services use, e.g. GOV.UK): keyboard and screen-reader
 * users learn at once what to fix and get there in one step.
 */
export function ErrorSummary({ errors, labels }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  const signature = entries.map(([path, message]) => `${path}:${message}`).join("|");
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="fehler-titel">
      <h2 id="fehler-titel">{t("common:form.errorSummary", { count: entries.length })}</h2>
      <ul>
        {entries.map(([path, message]) => (
          <li key={path}>
            <a
              href={`#${fieldDomId(topLevel(path, labels))}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(fieldDomId(topLevel(path, labels)))?.focus();
              }}
            >
              {labelFor(path, labels)}: {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** `contactPersons.0.email` is shown at that field if the form has it, else at its list. */
function topLevel(path: string, labels: Record<string, string>): string {
  if (labels[path]) return path;
  return path.split(".")[0] ?? path;
}

function labelFor(path: string, labels: Record<string, string>): string {
  return labels[path] ?? labels[path.split(".")[0] ?? ""] ?? path;
}
