/**
 * Firmware keys ("UpTimeSinceLastReboot", "Network.IPV4Address", "RxMOSLQ") in words a person
 * reads ("Up since last restart", "Network › IPv4 address", "Received MOS, listening quality").
 * Known keys have their words; any other is split at its case changes, so a key a newer firmware
 * adds still reads well. The raw key stays available (the admin console shows it on hover).
 */

/** Whole keys whose split words would not say it well. */
const KNOWN: Record<string, string> = {
  ModelNumber: 'Model',
  FirmwareRelease: 'Firmware',
  UpTimeSinceLastReboot: 'Up since last restart',
  UpTime: 'Up for',
  DeviceVendor: 'Vendor',
  AppState: 'Application state',
  CanApplyShutdownRequest: 'Can shut down now',
  IntendToShutdown: 'Shutdown pending',
  RAMDiskSize: 'RAM disk size',
  RxMOSLQ: 'Received MOS, listening quality',
  RxMOSCQ: 'Received MOS, conversational quality',
  TxMOSLQ: 'Sent MOS, listening quality',
  TxMOSCQ: 'Sent MOS, conversational quality',
  GMTOffsetHours: 'GMT offset (hours)',
  GMTOffsetSeconds: 'GMT offset (seconds)',
  ZTPStatus: 'Zero-touch provisioning',
  TR069: 'TR-069',
  VLANID: 'VLAN ID',
  VLANIDOption: 'VLAN ID option',
  ACSURL: 'ACS URL',
  ACSUsername: 'ACS user name',
  SIPAddress: 'SIP address',
  UserID: 'User ID',
};

/** Words abbreviated in keys, as a sentence says them. */
const WORDS: Record<string, string> = {
  Rx: 'received',
  Tx: 'sent',
  Kbps: 'kbit/s',
  Cnt: 'count',
  Req: 'request',
  Act: 'actual',
  Prov: 'provisioning',
  IPV4: 'IPv4',
  IPV6: 'IPv6',
};

/** Capitals runs (an acronym, with its digits), capitalised words, or digits. */
const TOKENS = /[A-Z]+(?![a-z])\d*|[A-Z]?[a-z]+\d*|\d+/g;

function segmentLabel(segment: string): string {
  const known = KNOWN[segment];
  if (known !== undefined) return known;
  // An index of a list (Streams.0) is counted from one, as people count.
  if (/^\d+$/.test(segment)) return `#${Number(segment) + 1}`;
  const tokens = segment.replace(/IPv(\d)/g, 'IPV$1').match(TOKENS) ?? [segment];
  const words = tokens.map((token) => {
    const word = WORDS[token] ?? WORDS[token.charAt(0).toUpperCase() + token.slice(1)];
    if (word !== undefined) return word;
    // An acronym (IP, MAC, VLAN, H235) keeps its capitals; other words read in lower case.
    return /^[A-Z]+\d*$/.test(token) && token.length > 1 ? token : token.toLowerCase();
  });
  const sentence = words.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** The key in words; a dotted path reads as its parts joined by "›". */
export function fieldLabel(key: string): string {
  return key
    .split('.')
    .map((segment) => segmentLabel(segment.trim().replace(/[_\s]+/g, ' ')))
    .join(' › ');
}
