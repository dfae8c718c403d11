import { X509Certificate } from 'node:crypto';
import { connect, type PeerCertificate } from 'node:tls';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneControl, startSimulator, type Simulator } from '../../src/simulator';
import { control, data, digestAnswer, firstPhone } from './support';

/** The certificate a TLS server presents, fetched without trusting it. */
function presentedCertificate(port: number): Promise<PeerCertificate> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
      const certificate = socket.getPeerCertificate();
      socket.end();
      resolve(certificate);
    });
    socket.on('error', reject);
  });
}

describe('HTTPS and certificates', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ phones: 2, https: true });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('presents a self-signed certificate for the MAC address, with the advertised fingerprint', async () => {
    const phone = firstPhone(sim);
    expect(phone.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const certificate = await presentedCertificate(phone.port);
    expect(certificate.subject.CN).toBe(phone.macAddress);
    expect(certificate.issuer.CN).toBe(phone.macAddress);
    expect(certificate.fingerprint256).toBe(phone.fingerprint);
    expect(new X509Certificate(certificate.raw).checkHost('127.0.0.1')).toBeUndefined();
    expect(sim.phones[1]?.fingerprint).not.toBe(phone.fingerprint);
    const info = await data<{ MACAddress: string }>(phone, 'GET', '/api/v2/mgmt/device/info');
    expect(info.MACAddress).toBe(phone.macAddress);
  });

  it('is refused by a client that verifies the certificate the usual way', async () => {
    await expect(request(`${firstPhone(sim).url}/api/v1/mgmt/pollForStatus`)).rejects.toThrow();
  });

  it('rotates the certificate on request, changing the fingerprint new connections see', async () => {
    const phone = firstPhone(sim);
    const before = phone.fingerprint;
    const { fingerprint } = await control<{ fingerprint: string }>(
      sim,
      phone,
      'POST',
      'rotate-certificate',
    );
    expect(fingerprint).not.toBe(before);
    expect(phone.fingerprint).toBe(fingerprint);
    expect((await presentedCertificate(phone.port)).fingerprint256).toBe(fingerprint);
  });

  it('has a control client that talks only to the certificate it was given', async () => {
    const phone = firstPhone(sim);
    const other = sim.phones[1];
    if (!other) throw new Error('the simulator started one phone');
    const impostor = { url: phone.url, fingerprint: other.fingerprint };
    await expect(phoneControl(impostor, sim.controlToken).stats()).rejects.toThrow(
      /presented certificate/,
    );
    await expect(phoneControl(phone, sim.controlToken).state()).resolves.toMatchObject({
      macAddress: phone.macAddress,
    });
  });
});

describe('Digest authentication', () => {
  it('challenges with Digest and accepts a correct Digest answer only', async () => {
    const sim = await startSimulator({ digest: true });
    try {
      const phone = firstPhone(sim);
      const url = `${phone.url}/api/v1/mgmt/lineInfo`;
      const challenge = await request(url);
      await challenge.body.dump();
      expect(challenge.statusCode).toBe(401);
      const header = String(challenge.headers['www-authenticate']);
      expect(header).toMatch(/^Digest /);
      const basic = await request(url, {
        headers: {
          authorization: `Basic ${Buffer.from(`Polycom:${phone.adminPassword}`).toString('base64')}`,
        },
      });
      await basic.body.dump();
      expect(basic.statusCode).toBe(401);
      const answer = (password: string, uri = '/api/v1/mgmt/lineInfo'): string =>
        digestAnswer(header, { method: 'GET', uri, user: 'Polycom', password });
      const wrong = await request(url, { headers: { authorization: answer('wrong') } });
      await wrong.body.dump();
      expect(wrong.statusCode).toBe(401);
      // Right password, but hashed for another path: a replayed or miscomputed answer.
      const otherPath = await request(url, {
        headers: { authorization: answer(phone.adminPassword, '/api/v1/mgmt/device/info') },
      });
      await otherPath.body.dump();
      expect(otherPath.statusCode).toBe(401);
      const right = await request(url, { headers: { authorization: answer(phone.adminPassword) } });
      expect(right.statusCode).toBe(200);
      expect(((await right.body.json()) as { Status: string }).Status).toBe('2000');
    } finally {
      await sim.close();
    }
  });
});
