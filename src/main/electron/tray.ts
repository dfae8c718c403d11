/**
 * The tray (menu-bar) icon: the phone's status in the tooltip and menu, quick dial from the
 * clipboard, the current call with a button to end it, and the way back to the window.
 */
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';

import type { PhoneSnapshot } from '../../shared/domain';

export interface TrayActions {
  dialClipboard(): void;
  endCall(phoneId: string, handle: string): void;
  showWindow(): void;
  quit(): void;
}

function statusLine(snapshot: PhoneSnapshot): string {
  return `${snapshot.info.name}: ${snapshot.status.health}`;
}

/** Builds the tray menu for the current phones. */
function trayMenuTemplate(
  snapshots: readonly PhoneSnapshot[],
  actions: TrayActions,
): MenuItemConstructorOptions[] {
  const phones: MenuItemConstructorOptions[] =
    snapshots.length === 0
      ? [{ label: 'No phone configured', enabled: false }]
      : snapshots.map((snapshot) => ({ label: statusLine(snapshot), enabled: false }));
  const calls: MenuItemConstructorOptions[] = snapshots.flatMap((snapshot) =>
    snapshot.calls
      .filter((call) => call.state !== 'Disconnected')
      .map((call) => ({
        label: `End call with ${call.remoteName || call.remoteNumber || 'caller'} (${call.state})`,
        click: () => actions.endCall(snapshot.info.id, call.handle),
      })),
  );
  return [
    ...phones,
    { type: 'separator' },
    { label: 'Dial number on clipboard', click: actions.dialClipboard },
    ...calls,
    { type: 'separator' },
    { label: 'Show Deskpilot', click: actions.showWindow },
    { label: 'Quit Deskpilot', click: actions.quit },
  ];
}

/** Creates the tray icon; `update` refreshes it from new snapshots. */
export function createTray(
  iconPath: string,
  actions: TrayActions,
): { update(snapshots: readonly PhoneSnapshot[]): void; destroy(): void } {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  tray.on('click', actions.showWindow);
  const update = (snapshots: readonly PhoneSnapshot[]): void => {
    tray.setToolTip(['Deskpilot', ...snapshots.map(statusLine)].join('\n'));
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(snapshots, actions)));
  };
  update([]);
  return { update, destroy: () => tray.destroy() };
}
