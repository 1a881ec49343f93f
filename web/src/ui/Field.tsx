import { useId, type ChangeEvent, type ReactNode } from "react";

type Common = {
  label: string;
  /** Also the key of BAD_USER_INPUT field errors (`extensions.fields[].path`). */
  name: string;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
};

function describedBy(hintId: string, errorId: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? hintId : null, error ? errorId : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function Messages({ hintId, errorId, hint, error }: { hintId: string; errorId: string; hint?: ReactNode; error?: string | undefined }) {
  return (
    <>
      {hint && (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} className="field__error">
          {error}
        </span>
      )}
    </>
  );
}

/** The id a field gets, so an error summary can link to it. */
export function fieldDomId(name: string): string {
  return `feld-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

type TextFieldProps = Common & {
  value: string;
  onChange: (value: string) => void;
  type?: "text" | "email" | "password" | "url" | "tel" | "number" | "date" | "search";
  autoComplete?: string;
  inputMode?: "numeric" | "text" | "email" | "tel" | "url" | "search";
  min?: number;
  max?: number;
  multiline?: boolean;
  rows?: number;
  /** id of a <datalist> with suggestions. */
  list?: string;
};

export function TextField({ label, name, error, hint, required, className, value, onChange, type = "text", autoComplete, inputMode, min, max, multiline, rows = 4, list }: TextFieldProps) {
  const uid = useId();
  const hintId = `${uid}-hint`;
  const errorId = `${uid}-error`;
  const common = {
    id: fieldDomId(name),
    name,
    value,
    required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(hintId, errorId, hint, error),
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(event.target.value),
  };
  return (
    <div className={`field${error ? " field--invalid" : ""} ${className ?? ""}`}>
      <label htmlFor={common.id} className="field__label">
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {multiline ? (
        <textarea {...common} rows={rows} />
      ) : (
        <input {...common} type={type} autoComplete={autoComplete} inputMode={inputMode} min={min} max={max} list={list} />
      )}
      <Messages hintId={hintId} errorId={errorId} hint={hint} error={error} />
    </div>
  );
}

type Option = { value: string; label: string };

type SelectProps = Common & {
  value: string;
  onChange: (value: string) => void;
  options: Option[];
  /** Label of the empty choice; omitted = no empty choice. */
  placeholder?: string;
};

export function SelectField({ label, name, error, hint, required, className, value, onChange, options, placeholder }: SelectProps) {
  const uid = useId();
  const hintId = `${uid}-hint`;
  const errorId = `${uid}-error`;
  const id = fieldDomId(name);
  return (
    <div className={`field${error ? " field--invalid" : ""} ${className ?? ""}`}>
      <label htmlFor={id} className="field__label">
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      <select
        id={id}
        name={name}
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintId, errorId, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Messages hintId={hintId} errorId={errorId} hint={hint} error={error} />
    </div>
  );
}

type CheckboxGroupProps = Common & {
  values: string[];
  onChange: (values: string[]) => void;
  options: Option[];
  columns?: boolean;
};

/** A fieldset of checkboxes: the legend labels the group, each box its own option. */
export function CheckboxGroup({ label, name, error, hint, required, className, values, onChange, options, columns }: CheckboxGroupProps) {
  const uid = useId();
  const hintId = `${uid}-hint`;
  const errorId = `${uid}-error`;
  const toggle = (value: string, checked: boolean) =>
    onChange(checked ? [...values, value] : values.filter((v) => v !== value));
  return (
    <fieldset
      id={fieldDomId(name)}
      className={`field fieldset${error ? " field--invalid" : ""} ${className ?? ""}`}
      aria-describedby={describedBy(hintId, errorId, hint, error)}
      tabIndex={-1}
    >
      <legend className="field__label">
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </legend>
      <div className={columns ? "checks checks--columns" : "checks"}>
        {options.map((option) => (
          <label key={option.value} className="check">
            <input
              type="checkbox"
              name={name}
              value={option.value}
              checked={values.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <Messages hintId={hintId} errorId={errorId} hint={hint} error={error} />
    </fieldset>
  );
}

type CheckboxProps = Omit<Common, "required"> & { checked: boolean; onChange: (checked: boolean) => void };

export function Checkbox({ label, name, error, hint, className, checked, onChange }: CheckboxProps) {
  const uid = useId();
  const hintId = `${uid}-hint`;
  const errorId = `${uid}-error`;
  return (
    <div className={`field${error ? " field--invalid" : ""} ${className ?? ""}`}>
      <label className="check">
        <input
          id={fieldDomId(name)}
          type="checkbox"
          name={name}
          checked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(hintId, errorId, hint, error)}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span>{label}</span>
      </label>
      <Messages hintId={hintId} errorId={errorId} hint={hint} error={error} />
    </div>
  );
}
