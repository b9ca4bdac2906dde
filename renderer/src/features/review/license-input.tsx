import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { licenseName } from '../../../../shared/spdx/catalog';
import { checkLicense } from './decision-draft';
import { applySuggestion, suggestLicenses, type Suggestions } from './license-suggest';

interface Props {
  id: string;
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  autoFocus?: boolean;
}

/**
 * An SPDX expression field: license ids are completed from the SPDX list as you type (exception ids after WITH),
 * and the expression is checked on every keystroke.
 */
export function LicenseInput({ id, value, onChange, placeholder, autoFocus }: Props) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [caret, setCaret] = useState(value.length);
  const [open, setOpen] = useState(false);
  const [highlight, setHighlight] = useState(0);
  const suggestions: Suggestions = useMemo(() => suggestLicenses(value, caret), [value, caret]);
  const check = checkLicense(value);
  const showList = open && suggestions.items.length > 0;

  const accept = (item: string): void => {
    const next = applySuggestion(value, suggestions, item);
    onChange(next.text);
    setCaret(next.caret);
    setOpen(false);
    requestAnimationFrame(() => inputRef.current?.setSelectionRange(next.caret, next.caret));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (!showList) return;
    if (event.key === 'ArrowDown') setHighlight((h) => (h + 1) % suggestions.items.length);
    else if (event.key === 'ArrowUp') setHighlight((h) => (h - 1 + suggestions.items.length) % suggestions.items.length);
    else if (event.key === 'Enter' || event.key === 'Tab') accept(suggestions.items[highlight] ?? suggestions.items[0]!);
    else if (event.key === 'Escape') setOpen(false);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div className="license-input">
      <input
        ref={inputRef}
        id={id}
        role="combobox"
        aria-expanded={showList}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-invalid={!check.ok}
        aria-describedby={`${id}-check`}
        value={value}
        placeholder={placeholder ?? 'e.g. MIT OR Apache-2.0'}
        spellCheck={false}
        autoComplete="off"
        autoFocus={autoFocus} data-autofocus={autoFocus}
        onChange={(e) => {
          onChange(e.target.value);
          setCaret(e.target.selectionStart ?? e.target.value.length);
          setOpen(true);
          setHighlight(0);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart ?? value.length)}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {showList && (
        <ul id={`${id}-list`} role="listbox" className="suggestions" aria-label="License ids">
          {suggestions.items.map((item, i) => (
            <li key={item} role="option" aria-selected={i === highlight} onMouseDown={(e) => (e.preventDefault(), accept(item))}>
              <code>{item}</code> <span className="muted">{licenseName(item) ?? (['AND', 'OR', 'WITH'].includes(item) ? 'operator' : '')}</span>
            </li>
          ))}
        </ul>
      )}
      <div id={`${id}-check`} className={check.ok ? 'field-ok' : 'form-error'} aria-live="polite">
        {!check.ok ? check.error : check.normalized ? `Valid SPDX expression: ${check.normalized}` : ''}
      </div>
    </div>
  );
}
