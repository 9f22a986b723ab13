/** Labelled form fields with hints, used by the sign-in and admin screens. */
import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  hint?: ReactNode;
}

export function TextField({ label, hint, className, ...input }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && <span id={hintId} className="hint">{hint}</span>}
      <input id={id} aria-describedby={hint ? hintId : undefined} className={className} {...input} />
    </div>
  );
}

export function CodeField({ label, hint, value, onChange }: { label: string; hint?: ReactNode; value: string; onChange: (v: string) => void }) {
  return (
    <TextField
      label={label}
      hint={hint}
      className="code-input"
      type="text"
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]{6}"
      maxLength={6}
      required
      value={value}
      onChange={(e) => onChange(e.target.value.replace(/\D/g, ''))}
    />
  );
}
