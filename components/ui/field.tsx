/**
 * A labelled form control with its error message beside it. The message is tied to the control
 * with aria-describedby and announced (aria-live), so people and tests find both by label.
 */
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

type Common = { label: string; name: string; errors?: string[]; hint?: string };

const control =
  "block w-full rounded-md border bg-white px-2.5 py-1.5 text-sm shadow-sm placeholder:text-slate-400 aria-[invalid=true]:border-red-600 border-slate-300";

function Wrapper({ label, name, errors, hint, children }: Common & { children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={`f-${name}`} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint && !errors?.length && (
        <p id={`f-${name}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      <p id={`f-${name}-error`} aria-live="polite" className="text-xs font-medium text-red-700">
        {errors?.join(" ")}
      </p>
    </div>
  );
}

function describedBy(name: string, errors?: string[], hint?: string) {
  return errors?.length ? `f-${name}-error` : hint ? `f-${name}-hint` : undefined;
}

export function TextField({
  label,
  name,
  errors,
  hint,
  ...props
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, "name">) {
  return (
    <Wrapper label={label} name={name} errors={errors} hint={hint}>
      <input
        id={`f-${name}`}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(name, errors, hint)}
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
  return (
    <Wrapper label={label} name={name} errors={errors} hint={hint}>
      <select
        id={`f-${name}`}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(name, errors, hint)}
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
