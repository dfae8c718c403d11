import { done, type HandlersOf } from './handler-types';
import type { PhoneManager } from './phone-manager';

type DeviceHandlers = HandlersOf<'screen.'> & HandlersOf<'device.'> & HandlersOf<'config.'>;

/** Handlers of the remote screen, device administration and configuration channels. */
export function createDeviceHandlers(manager: PhoneManager): DeviceHandlers {
  const session = (phoneId: string) => manager.session(phoneId);
  return {
    'screen.get': async ({ phoneId }) => session(phoneId).screen(),
    'screen.touch': async ({ phoneId, type, positions, durationMs }) =>
      done(session(phoneId).touch(type, positions, durationMs)),
    'screen.key': async ({ phoneId, key }) => done(session(phoneId).key(key)),
    'device.details': async ({ phoneId }) => session(phoneId).deviceDetails(),
    'device.lines': async ({ phoneId }) => session(phoneId).lineDetails(),
    'device.media': async ({ phoneId }) => session(phoneId).media(),
    'device.restart': async ({ phoneId }) => done(session(phoneId).restart()),
    'device.reboot': async ({ phoneId }) => done(session(phoneId).reboot()),
    'device.resetConfig': async ({ phoneId, scope }) => done(session(phoneId).resetConfig(scope)),
    'device.factoryReset': async ({ phoneId }) => done(session(phoneId).factoryReset()),
    'device.uploadCapture': async ({ phoneId, url }) => done(session(phoneId).uploadCapture(url)),
    'device.skypePresence': async ({ phoneId }) => session(phoneId).skypePresence(),
    'device.skypeSignIn': async ({ phoneId, ...signIn }) =>
      done(session(phoneId).skypeSignIn(signIn)),
    'device.skypeSignOut': async ({ phoneId }) => done(session(phoneId).skypeSignOut()),
    'config.get': async ({ phoneId, names }) => session(phoneId).getConfig(names),
    'config.set': async ({ phoneId, values }) => done(session(phoneId).setConfig(values)),
    'config.export': async ({ phoneId, url, type }) =>
      done(session(phoneId).exportConfig(url, type)),
    'config.getTransferType': async ({ phoneId }) => session(phoneId).getTransferType(),
    'config.setTransferType': async ({ phoneId, type }) =>
      done(session(phoneId).setTransferType(type)),
  };
}
