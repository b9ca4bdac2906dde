import { useRef, type UIEvent } from 'react';
import type { PolicyProblem } from '../../../../shared/model/policy';

interface Props {
  value: string;
  onChange(value: string): void;
  problems: PolicyProblem[];
  readOnly?: boolean;
}

/** A plain text editor for YAML with line numbers; lines with a problem are marked in the gutter. */
export function YamlEditor({ value, onChange, problems, readOnly }: Props) {
  const gutterRef = useRef<HTMLDivElement>(null);
  const lineCount = value.split('\n').length;
  const bad = new Map<number, string>();
  for (const p of problems) if (p.line !== null) bad.set(p.line, [bad.get(p.line), p.message].filter(Boolean).join('\n'));
  const sync = (e: UIEvent<HTMLTextAreaElement>) => {
    if (gutterRef.current) gutterRef.current.scrollTop = e.currentTarget.scrollTop;
  };
  return (
    <div className="yaml-editor">
      <div className="yaml-gutter" ref={gutterRef} aria-hidden="true">
        {Array.from({ length: lineCount }, (_, i) => (
          <div key={i} className={bad.has(i + 1) ? 'bad-line' : undefined} title={bad.get(i + 1)}>
            {i + 1}
          </div>
        ))}
      </div>
      <textarea
        aria-label="Policy (YAML)"
        value={value}
        readOnly={readOnly}
        spellCheck={false}
        wrap="off"
        onScroll={sync}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={problems.length > 0}
        aria-describedby="policy-problems"
      />
    </div>
  );
}

/** Every problem with its line, column and place in the document. */
export function PolicyProblems({ problems, checking }: { problems: PolicyProblem[]; checking: boolean }) {
  return (
    <div id="policy-problems" aria-live="polite">
      {checking ? (
        <p className="muted">Checking…</p>
      ) : problems.length === 0 ? (
        <p className="field-ok">The policy is valid.</p>
      ) : (
        <ul className="problems" aria-label="Problems">
          {problems.map((p, i) => (
            <li key={i} className="form-error" data-testid="policy-problem">
              {p.line !== null ? `Line ${p.line}${p.column !== null ? `:${p.column}` : ''}` : 'File'}
              {p.path && <code> {p.path}</code>}: {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
