import { generateKeyPair, sign, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

export interface PhoneCertificate {
  key: string;
  cert: string;
  /** SHA-256 fingerprint, upper-case hex pairs joined by `:` (X509Certificate.fingerprint256). */
  fingerprint: string;
}

interface KeyPair {
  privateKey: string;
  /** Parsed once: forge's PEM parsing costs more than the rest of a certificate. */
  publicKey: forge.pki.PublicKey;
}

let sharedKey: Promise<KeyPair> | null = null;

/**
 * One RSA-2048 key for every simulated phone of the process, made on first use: generating a
 * key takes about a second on a small machine, and 200 phones must start quickly. Certificates
 * still differ per phone (subject, serial), so fingerprints do too.
 */
function processKey(): Promise<KeyPair> {
  sharedKey ??= new Promise((resolve, reject) => {
    generateKeyPair(
      'rsa',
      {
        modulusLength: 2048,
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      },
      (error, publicKey, privateKey) =>
        error
          ? reject(error)
          : resolve({ publicKey: forge.pki.publicKeyFromPem(publicKey), privateKey }),
    );
  });
  return sharedKey;
}

let serialCounter = 0;

/**
 * A self-signed certificate whose subject is the phone's MAC address, as a real phone's is. Built
 * with node-forge and signed with Node's native RSA (forge's own signing is ~100x slower).
 */
export async function createPhoneCertificate(macAddress: string): Promise<PhoneCertificate> {
  const { privateKey, publicKey } = await processKey();
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  serialCounter += 1;
  cert.serialNumber = `01${Date.now().toString(16)}${serialCounter.toString(16).padStart(6, '0')}`;
  const notBefore = new Date(Date.now() - 24 * 3600 * 1000);
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = new Date(notBefore.getTime() + 10 * 365 * 24 * 3600 * 1000);
  const subject = [
    { name: 'commonName', value: macAddress },
    { name: 'organizationName', value: 'Polycom Inc.' },
    { name: 'organizationalUnitName', value: 'Deskpilot simulator' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage', serverAuth: true },
  ]);
  const algorithmOid = forge.pki.oids.sha256WithRSAEncryption;
  if (!algorithmOid) throw new Error('node-forge lacks the sha256WithRSAEncryption OID');
  cert.signatureOid = algorithmOid;
  cert.siginfo.algorithmOid = algorithmOid;
  // certificateToAsn1 builds [tbsCertificate, algorithm, signature]; only the first is signed.
  const parts = forge.pki.certificateToAsn1(cert).value;
  const tbsPart = Array.isArray(parts) ? parts[0] : undefined;
  if (!tbsPart) throw new Error('node-forge built no TBSCertificate');
  const tbs = forge.asn1.toDer(tbsPart).getBytes();
  cert.signature = sign('sha256', Buffer.from(tbs, 'binary'), privateKey).toString('binary');
  const pem = forge.pki.certificateToPem(cert);
  return { key: privateKey, cert: pem, fingerprint: new X509Certificate(pem).fingerprint256 };
}
