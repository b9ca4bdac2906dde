import { useAppStore, type ThemePreference } from '../../stores/app-store';
import { ReviewerSettings } from './reviewer-settings';

export function SettingsView() {
  const { info, theme, setTheme } = useAppStore();
  return (
    <div className="view">
      <header className="view-header">
        <h1>Settings</h1>
      </header>
      <fieldset className="settings-group">
        <legend>Appearance</legend>
        {(['system', 'light', 'dark'] as ThemePreference[]).map((t) => (
          <label key={t} className="check">
            <input type="radio" name="theme" value={t} checked={theme === t} onChange={() => setTheme(t)} /> {t === 'system' ? 'Follow the system' : t === 'light' ? 'Light' : 'Dark'}
          </label>
        ))}
      </fieldset>
      <ReviewerSettings />
      {info && (
        <dl className="facts">
          <dt>Workspace</dt>
          <dd>
            <code>{info.workspacePath}</code>
          </dd>
          <dt>Version</dt>
          <dd>{info.version}</dd>
          <dt>Schema</dt>
          <dd>{info.schemaVersion}</dd>
          <dt>Mode</dt>
          <dd>{info.mode === 'electron' ? 'Desktop app' : 'Browser (clearance serve)'}</dd>
        </dl>
      )}
    </div>
  );
}
