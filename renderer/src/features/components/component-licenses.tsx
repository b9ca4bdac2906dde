import type { ComponentDetail } from '../../../../shared/model/component';

/** Declared, detected and concluded licenses side by side. */
export function ComponentLicenses({ component: c }: { component: ComponentDetail }) {
  return (
    <section className="license-compare" aria-label="Licenses">
      <div>
        <h3>Declared</h3>
        <p data-testid="declared-license">{c.declared.expression ?? <span className="muted">none</span>}</p>
        {c.declared.verbatim && c.declared.verbatim !== c.declared.expression && <p className="muted">as written: “{c.declared.verbatim}”</p>}
      </div>
      <div>
        <h3>Detected</h3>
        <p data-testid="detected-licenses">{c.detected.length > 0 ? c.detected.join(', ') : <span className="muted">none</span>}</p>
      </div>
      <div>
        <h3>Concluded</h3>
        <p data-testid="concluded-license">{c.concluded ?? <span className="muted">no decision concludes one</span>}</p>
      </div>
    </section>
  );
}
