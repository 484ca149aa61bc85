import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { HostBridge, HostEvent } from '../shared/api/workstation-api';
import { IPC_CHANNELS } from '../shared/api/transport';

// The renderer gets two narrow functions, never ipcRenderer itself; main checks who is calling.
contextBridge.exposeInMainWorld('yiwang', {
  call: (method, args) => ipcRenderer.invoke(IPC_CHANNELS.call, method, args),
  subscribe(listener) {
    const forward = (_event: IpcRendererEvent, hostEvent: HostEvent) => listener(hostEvent);
    ipcRenderer.on(IPC_CHANNELS.event, forward);
    return () => void ipcRenderer.removeListener(IPC_CHANNELS.event, forward);
  },
} satisfies HostBridge);
