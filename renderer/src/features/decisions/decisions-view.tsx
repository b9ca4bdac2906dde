import { EmptyState } from '../../components/feedback/empty-state';
import { routeHref } from '../../stores/route-store';

/** Audit decisions: the trail of approvals, rejections and exceptions (recording them comes with the review workflow). */
export function DecisionsView() {
  return (
    <div className="view">
      <header className="view-header">
        <h1>Decisions</h1>
      </header>
      <EmptyState title="No decisions recorded">
        <p>
          Decisions are recorded while reviewing <a href={routeHref('findings')}>findings</a> and components; each is signed and chained so that
          any later edit of the trail is detectable.
        </p>
      </EmptyState>
    </div>
  );
}
