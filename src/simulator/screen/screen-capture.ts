/**
 * The web UI's screen capture: whether the phone serves it now, and the picture of each of its
 * screens as its firmware writes it. Capture needs the admin's switch `up.screenCapture.enabled`
 * and the user's own Screen Capture setting — switched on at the phone (forgotten on restart), or
 * from afar through the firmware's remote switch (`.value` on a VVX from 5.7, `.allowed` on the
 * CCX family).
 */
import { CAPTURE_ENABLED, remoteCaptureSwitch } from '../phone/capture-names';
import type { SimulatedPhone } from '../phone/phone';
import { buildModuleScreen } from './module-screen';
import { renderBitmap } from './screen-bitmap';
import { buildScreen } from './screen-model';

/** Whether the user's Screen Capture setting is on: set at the phone, or by its remote switch. */
export function captureSettingOn(phone: SimulatedPhone): boolean {
  if (phone.screen.captureSetting) return true;
  const remote = remoteCaptureSwitch(phone.dialect, phone.firmware.release);
  return remote !== null && phone.config.enabled(remote);
}

/** Whether `/captureScreen/...` answers with a picture now (otherwise HTTP 404). */
export function captureServed(phone: SimulatedPhone): boolean {
  return phone.config.enabled(CAPTURE_ENABLED) && captureSettingOn(phone);
}

/** The screens a capture can name: `mainScreen`, and `em/1`… for each module plugged in. */
export function captureScreens(phone: SimulatedPhone): string[] {
  const modules = Array.from({ length: phone.setup.expansionModules }, (_, i) => `em/${i + 1}`);
  return ['mainScreen', ...modules];
}

/** The BMP of one screen (`mainScreen` or `em/N`), or null when the phone has no such screen. */
export function captureBitmap(phone: SimulatedPhone, screen: string, now: number): Buffer | null {
  if (!captureScreens(phone).includes(screen)) return null;
  const format = phone.dialect.captureBitmap;
  if (screen === 'mainScreen') return renderBitmap(buildScreen(phone, now), format);
  return renderBitmap(buildModuleScreen(phone, Number(screen.slice(3))), format);
}
