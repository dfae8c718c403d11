export interface UploadResult {
  ok: boolean;
  httpStatus: number | null;
  message: string;
}

/** Whether the phone can send a file to this URL (absolute http or https). */
export function isUploadUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Sends a file the way the phone does to its provisioning server: an HTTP PUT of the whole file
 * to the URL, bounded by a timeout so a dead server cannot stall the phone forever.
 */
export async function uploadFile(
  url: string,
  body: Buffer,
  contentType: string,
  timeoutMs = 5000,
): Promise<UploadResult> {
  try {
    const response = await fetch(url, {
      method: 'PUT',
      body: new Uint8Array(body),
      headers: { 'content-type': contentType },
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer();
    return {
      ok: response.ok,
      httpStatus: response.status,
      message: response.ok ? 'uploaded' : `server answered HTTP ${response.status}`,
    };
  } catch (error) {
    return {
      ok: false,
      httpStatus: null,
      message: error instanceof Error ? error.message : 'failed',
    };
  }
}
