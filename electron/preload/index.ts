import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiEventMessage, AuditApiBridge } from '../../shared/api/contract.js';

/** Exactly two capabilities reach the renderer: invoke an API method, and subscribe to API events. */
const auditApi: AuditApiBridge = {
  invoke: (method, params) => ipcRenderer.invoke('api:invoke', method, params),
  onEvent: (listener) => {
    const handler = (_event: IpcRendererEvent, message: ApiEventMessage): void => listener(message);
    ipcRenderer.on('api:event', handler);
    return () => ipcRenderer.removeListener('api:event', handler);
  },
};

contextBridge.exposeInMainWorld('auditApi', auditApi);
