"use client";

/**
 * A labelled form control with its error message beside it. The message is tied to the control
 * with aria-describedby and announced (aria-live), so people and tests find both by label.
 * Ids come from useId(): a table renders the same form once per row (a dialog each), and a label
 * must point at its own row's control, not the first one on the page with that name.
 */
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

type Common = { label: string; name: string; errors?: string[]; hint?: string };

const control =
  "block w-full rounded-md border bg-white px-2.5 py-1.5 text-sm shadow-sm placeholder:text-slate-400 aria-[invalid=true]:border-red-600 border-slate-300";

/** A page-unique id for the control named `name` (and `-error`/`-hint` for its messages). */
export function useFieldId(name: string): string {
  return `f${useId()}${name}`;
}

function Wrapper({ id, label, errors, hint, children }: Omit<Common, "name"> & { id: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint && !errors?.length && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      <p id={`${id}-error`} aria-live="polite" className="text-xs font-medium text-red-700">
        {errors?.join(" ")}
      </p>
    </div>
  );
}

/** The id and the aria attributes every control shares, tied to its label and messages. */
function useControl(name: string, errors?: string[], hint?: string) {
  const id = useFieldId(name);
  return {
    id,
    name,
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": errors?.length ? `${id}-error` : hint ? `${id}-hint` : undefined,
  } as const;
}

export function TextField({
  label,
  name,
  errors,
  hint,
  ...props
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, "name">) {
  const field = useControl(name, errors, hint);
  return (
    <Wrapper id={field.id} label={label} errors={errors} hint={hint}>
      <input
        {...field}
        className={control}
        {...props}
      />
    </Wrapper>
  );
}

export function SelectField({
  label,
  name,
  errors,
  hint,
  options,
  placeholder,
  ...props
}: Common & {
  options: readonly { value: string; label: string }[];
  placeholder?: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name">) {
  const field = useControl(name, errors, hint);
  return (
    <Wrapper id={field.id} label={label} errors={errors} hint={hint}>
      <select
        {...field}
        className={control}
        {...props}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrapper>
  );
}

export function TextAreaField({
  label,
  name,
  errors,
  hint,
  ...props
}: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name">) {
  const field = useControl(name, errors, hint);
  return (
    <Wrapper id={field.id} label={label} errors={errors} hint={hint}>
      <textarea
        {...field}
        className={control}
        {...props}
      />
    </Wrapper>
  );
}
