import { BROWSER_SHELL_PATHS } from '../../../shared/api/workstation-api';
import { shellToken } from './shell-token';

/**
 * In the browser shell, hands a file the host exported to the browser's downloads; true when it did.
 * In Electron the file is already on this computer, at the path the host gave.
 */
export function downloadExport(fileName: string): boolean {
  const token = window.yiwang ? null : shellToken();
  if (!token) return false;
  const link = document.createElement('a');
  link.href = `${BROWSER_SHELL_PATHS.exports}${encodeURIComponent(fileName)}?token=${encodeURIComponent(token)}`;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  return true;
}
