// Form controls bound to one setting each: label, control, hint, the note for
// environment-locked fields and the field's error, wired for screen readers.
import type { ReactNode } from 'react';
import type { Settings } from '../../shared/settings';
import { useFrame } from '../state/frame-store';
import type { FormField, SettingsForm } from './form-state';
import { lockedNote } from './locked-note';
import { useModel, useSettings } from './model-context';

type TextFormField = { [F in FormField]: SettingsForm[F] extends string ? F : never }[FormField];

/** id of a field's control; the screen focuses it when a save names its error. */
export const controlId = (field: keyof Settings) => `field-${field}`;

/** Scrolls to a field and focuses its control (the first enabled one of a group). */
export function focusField(field: keyof Settings): boolean {
  const box = document.getElementById(controlId(field));
  box?.closest('details')?.setAttribute('open', '');
  const target = box?.matches('input, textarea, select') ? box : box?.querySelector<HTMLElement>('input:not([disabled]), textarea, select');
  target?.focus();
  box?.scrollIntoView({ block: 'center' });
  return !!box;
}

function useFieldState(field: keyof Settings) {
  const error = useSettings((s) => s.errors[field]);
  const locked = useSettings((s) => !!s.saved?.lockedByEnv.includes(field));
  const demo = useFrame((s) => s.snapshot?.status.demo ?? false);
  return { error, locked, note: locked ? lockedNote(field, demo) : null, problem: !!useFieldProblem(field) };
}

/** A problem the frame has now that this field fixes (setup is said by the first-run screen itself). */
export function useFieldProblem(field: keyof Settings) {
  return useFrame((s) => s.snapshot?.status.problems.find((p) => p.field === field && p.area !== 'setup'));
}

function describedBy(field: keyof Settings, parts: { hint: boolean; note: boolean; error: boolean; problem?: boolean }): string | undefined {
  const ids = [parts.hint && `hint-${field}`, parts.note && `note-${field}`, parts.error && `error-${field}`, parts.problem && `problem-${field}`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** The lines under a control: hint, locked note, error, and the frame's current problem it fixes. */
export function FieldNotes({ field, hint, note, error }: { field: keyof Settings; hint?: ReactNode; note: string | null; error: string | undefined }) {
  const problem = useFieldProblem(field);
  return (
    <>
      {problem && (
        <p className="field__problem" id={`problem-${field}`} data-testid={`field-problem-${field}`}>
          {problem.message}
        </p>
      )}
      {hint && (
        <p className="field__hint" id={`hint-${field}`}>
          {hint}
        </p>
      )}
      {note && (
        <p className="field__locked" id={`note-${field}`}>
          {note}
        </p>
      )}
      {error && (
        <p className="field__error" id={`error-${field}`} data-testid={`field-error-${field}`} role="alert">
          {error}
        </p>
      )}
    </>
  );
}

interface TextFieldProps {
  field: TextFormField;
  label: string;
  hint?: ReactNode;
  placeholder?: string;
  /** Shown after the input, e.g. "seconds". */
  unit?: string;
  /** A narrow input, for numbers. */
  short?: boolean;
  inputMode?: 'numeric' | 'text';
  type?: 'text' | 'password';
  multiline?: boolean;
  wide?: boolean;
}

export function TextField({ field, label, hint, placeholder, unit, short, inputMode, type = 'text', multiline, wide }: TextFieldProps) {
  const model = useModel();
  const value = useSettings((s) => s.form?.[field] ?? '');
  const { error, locked, note, problem } = useFieldState(field);
  // Where to find a value no longer matters once the environment fixes it.
  const shownHint = locked ? undefined : hint;
  const common = {
    id: controlId(field),
    value,
    placeholder,
    readOnly: locked,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(field, { hint: !!shownHint, note: !!note, error: !!error, problem }),
    onBlur: () => model.judge(field),
    spellCheck: false,
    autoComplete: 'off',
    autoCapitalize: 'off',
  } as const;
  return (
    <div className={`field${wide ? ' field--wide' : ''}`}>
      <label className="field__label" htmlFor={controlId(field)}>
        {label}
      </label>
      <div className="field__body">
        <div className="field__control">
          {multiline ? (
            <textarea {...common} rows={5} onChange={(e) => model.edit(field, e.target.value)} />
          ) : (
            <input {...common} type={type} inputMode={inputMode} className={short ? 'input--short' : undefined} onChange={(e) => model.edit(field, e.target.value)} />
          )}
          {unit && <span className="field__unit">{unit}</span>}
        </div>
        <FieldNotes field={field} hint={shownHint} note={note} error={error} />
      </div>
    </div>
  );
}

/** Write-only: never shows the saved value, only that there is one. Empty keeps it. */
export function SecretField({ field, label, isSet, hint }: { field: 'apiKey' | 'clientSecret'; label: string; isSet: boolean; hint?: ReactNode }) {
  const locked = useSettings((s) => !!s.saved?.lockedByEnv.includes(field));
  const placeholder = locked ? '•••• set' : isSet ? '•••• saved' : 'Paste it here';
  return <TextField field={field} label={label} type="password" placeholder={placeholder} hint={isSet && !locked ? 'Leave empty to keep the saved one.' : hint} />;
}

export interface Option<V extends string> {
  value: V;
  label: string;
}

type ChoiceFormField = { [F in FormField]: SettingsForm[F] extends string ? (string extends SettingsForm[F] ? never : F) : never }[FormField];

/** A row of large radio buttons (arrow keys move between them). */
export function ChoiceField<F extends ChoiceFormField>({ field, label, options, hint }: { field: F; label: string; options: Option<SettingsForm[F]>[]; hint?: ReactNode }) {
  const model = useModel();
  const value = useSettings((s) => s.form?.[field]);
  const { error, locked, note, problem } = useFieldState(field);
  const shownHint = locked ? undefined : hint;
  return (
    <fieldset className="field" id={controlId(field)} aria-describedby={describedBy(field, { hint: !!shownHint, note: !!note, error: !!error, problem })}>
      <legend className="field__label">{label}</legend>
      <div className="field__body">
        <div className="choice" role="presentation">
          {options.map((option) => (
            <label key={option.value} className="choice__option">
              <input type="radio" name={field} value={option.value} checked={value === option.value} disabled={locked} onChange={() => model.edit(field, option.value)} />
              <span>{option.label}</span>
            </label>
          ))}
        </div>
        <FieldNotes field={field} hint={shownHint} note={note} error={error} />
      </div>
    </fieldset>
  );
}

type SwitchFormField = { [F in FormField]: SettingsForm[F] extends boolean ? F : never }[FormField];

/** An on/off switch that is part of the form (saved with Save). */
export function SwitchField({ field, label, hint }: { field: SwitchFormField; label: string; hint?: ReactNode }) {
  const model = useModel();
  const checked = useSettings((s) => s.form?.[field] ?? false);
  const { error, locked, note, problem } = useFieldState(field);
  return (
    <div className="field">
      <label className="field__label" htmlFor={controlId(field)}>
        {label}
      </label>
      <div className="field__body">
        <Switch id={controlId(field)} checked={checked} disabled={locked} onChange={(on) => model.edit(field, on)} describedBy={describedBy(field, { hint: !!hint, note: !!note, error: !!error, problem })} />
        <FieldNotes field={field} hint={hint} note={note} error={error} />
      </div>
    </div>
  );
}

export function Switch(props: { id: string; checked: boolean; disabled?: boolean; onChange: (on: boolean) => void; describedBy?: string | undefined; testId?: string; label?: string }) {
  return (
    <input
      type="checkbox"
      role="switch"
      className="switch"
      id={props.id}
      checked={props.checked}
      disabled={props.disabled}
      aria-describedby={props.describedBy}
      aria-label={props.label}
      data-testid={props.testId}
      onChange={(e) => props.onChange(e.target.checked)}
      // A TV remote has OK (Enter), not Space: Enter flips the switch instead of saving.
      onKeyDown={(e) => {
        if (e.key !== 'Enter') return;
        e.preventDefault();
        if (!props.disabled) props.onChange(!props.checked);
      }}
    />
  );
}
