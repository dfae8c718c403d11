import type { ServerResponse } from 'node:http';
import type { SimulatedPhone } from '../phone/phone';
import { bump } from '../phone/stats';
import type { RouteResult } from '../rest/route-types';

/** The 404 page of the phones' HTTPd, as captured from a Poly Edge E350 (README.md, Dialects). */
const NOT_FOUND_PAGE =
  '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n' +
  '<html><head><title>404 Not Found</title></head><body>\n' +
  'The document requested was not found on this server.\n' +
  '</body></html>\n';

/** The headers the phone's HTTPd puts on every answer in its dialect (`Server` and the like). */
export function phoneHeaders(phone: SimulatedPhone): Record<string, string> {
  const { server, headers } = phone.dialect;
  return server === null ? { ...headers } : { Server: server, ...headers };
}

/** Writes a JSON answer (the control API's, or the phone's with its headers). */
export function sendJson(
  res: ServerResponse,
  httpStatus: number,
  json: unknown,
  headers: Record<string, string> = {},
): void {
  const payload = JSON.stringify(json);
  res.writeHead(httpStatus, {
    ...headers,
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

/** Writes a plain-text answer; counted in the phone's statistics when it is the phone's. */
export function sendText(
  res: ServerResponse,
  httpStatus: number,
  message: string,
  phone?: SimulatedPhone,
): void {
  if (phone) bump(phone.stats.httpStatuses, String(httpStatus));
  res.writeHead(httpStatus, {
    ...(phone ? phoneHeaders(phone) : {}),
    'Content-Type': 'text/plain',
    'Content-Length': Buffer.byteLength(message),
  });
  res.end(message);
}

/** HTTP 404 as the phone's dialect answers it: plain text, or its HTTPd's HTML page. */
export function sendNotFound(res: ServerResponse, phone: SimulatedPhone): void {
  if (phone.dialect.notFoundPage === 'text') {
    sendText(res, 404, 'Not Found', phone);
    return;
  }
  bump(phone.stats.httpStatuses, '404');
  res.writeHead(404, {
    ...phoneHeaders(phone),
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(NOT_FOUND_PAGE),
  });
  res.end(NOT_FOUND_PAGE);
}

/**
 * An endpoint's answer: a file, a bare HTTP status, or HTTP 200 with
 * `{"Status": "<code>", "data": ..., <top-level fields>}` (Status as a string).
 */
export function sendResult(res: ServerResponse, result: RouteResult, phone: SimulatedPhone): void {
  if ('file' in result) {
    bump(phone.stats.httpStatuses, '200');
    res.writeHead(200, {
      ...phoneHeaders(phone),
      'Content-Type': result.contentType,
      'Content-Length': result.file.length,
    });
    res.end(result.file);
    return;
  }
  if ('httpStatus' in result) {
    if (result.httpStatus === 404) sendNotFound(res, phone);
    else sendText(res, result.httpStatus, 'Error', phone);
    return;
  }
  bump(phone.stats.httpStatuses, '200');
  bump(phone.stats.phoneStatuses, String(result.status));
  const json: Record<string, unknown> = { Status: String(result.status) };
  if (result.data !== undefined) json.data = result.data;
  Object.assign(json, result.beside);
  sendJson(res, 200, json, phoneHeaders(phone));
}
