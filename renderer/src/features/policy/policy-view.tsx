import { PolicyEditor } from './policy-editor';
import { PolicyResults } from './policy-results';

/** The OSPO policy: edit it (with versions), pick each project's distribution model, and see the results. */
export function PolicyView() {
  return (
    <div className="view">
      <header className="view-header">
        <h1>Policy</h1>
      </header>
      <h2>Results per project</h2>
      <PolicyResults />
      <h2>Policy document</h2>
      <PolicyEditor />
    </div>
  );
}
