import type { ExportedDocument } from '../../../shared/api/contract';

/** Saves an exported document through the browser's download (Electron shows its save dialog for it). */
export function downloadDocument(document_: ExportedDocument): void {
  const blob = new Blob([document_.content], { type: document_.mediaType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = document_.fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
