/// <reference types="vite/client" />
import type { AuditApiBridge } from '../../shared/api/contract';

declare global {
  interface Window {
    /** Present only in the desktop app (exposed by the preload through contextBridge). */
    auditApi?: AuditApiBridge;
  }
}
