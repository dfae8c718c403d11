import type { SimulatedPhone } from '../phone/phone';

/** A pcap global header (libpcap format, microsecond timestamps, Ethernet link type). */
function globalHeader(): Buffer {
  const header = Buffer.alloc(24);
  header.writeUInt32LE(0xa1b2c3d4, 0);
  header.writeUInt16LE(2, 4);
  header.writeUInt16LE(4, 6);
  header.writeInt32LE(0, 8);
  header.writeUInt32LE(0, 12);
  header.writeUInt32LE(65535, 16);
  header.writeUInt32LE(1, 20);
  return header;
}

/** One captured Ethernet frame carrying an empty UDP/IPv4 SIP keep-alive from the phone. */
function frame(phone: SimulatedPhone, at: number): Buffer {
  const mac = Buffer.from(phone.setup.macAddress, 'hex');
  const ethernet = Buffer.concat([Buffer.alloc(6, 0xff), mac, Buffer.from([0x08, 0x00])]);
  const payload = Buffer.from('\r\n\r\n', 'ascii');
  const udp = Buffer.alloc(8);
  udp.writeUInt16BE(5060, 0);
  udp.writeUInt16BE(5060, 2);
  udp.writeUInt16BE(8 + payload.length, 4);
  const ip = Buffer.from([0x45, 0, 0, 0, 0, 0, 0x40, 0, 64, 17, 0, 0, 127, 0, 0, 1, 127, 0, 0, 1]);
  ip.writeUInt16BE(20 + udp.length + payload.length, 2);
  const data = Buffer.concat([ethernet, ip, udp, payload]);
  const record = Buffer.alloc(16);
  record.writeUInt32LE(Math.floor(at / 1000), 0);
  record.writeUInt32LE((at % 1000) * 1000, 4);
  record.writeUInt32LE(data.length, 8);
  record.writeUInt32LE(data.length, 12);
  return Buffer.concat([record, data]);
}

/** A small, valid pcap file of the phone's recent background traffic (one frame a second). */
export function packetCapture(phone: SimulatedPhone, now: number): Buffer {
  const frames = Array.from({ length: 10 }, (_, i) => frame(phone, now - (10 - i) * 1000));
  return Buffer.concat([globalHeader(), ...frames]);
}
