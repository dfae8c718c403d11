/**
 * Click-to-dial from outside the window: OS links (macOS `open-url`; Windows and Linux pass them
 * on the command line), `deskpilot --dial NUMBER`, and a second launch's command line. Listening
 * starts before the app is ready, since links can arrive with the launch; they wait until the
 * core can take them.
 */
import { app } from 'electron';

import type { DialRequestSource } from '../../../shared/contract/links';
import { findDialRequest } from '../dial-arguments';

export type DialSink = (source: DialRequestSource, raw: string) => void;

/** Listens now; `deliverTo` hands over what waited and everything after. */
export function listenForDialRequests(showWindow: () => void): {
  deliverTo(sink: DialSink): void;
} {
  const waiting: { source: DialRequestSource; raw: string }[] = [];
  let sink: DialSink | null = null;
  const take = (source: DialRequestSource, raw: string): void => {
    if (sink === null) waiting.push({ source, raw });
    else sink(source, raw);
  };
  app.on('open-url', (event, url) => {
    event.preventDefault();
    take('link', url);
  });
  app.on('second-instance', (_event, argv) => {
    showWindow();
    const request = findDialRequest(argv);
    if (request !== null) take(request.source, request.raw);
  });
  const launch = findDialRequest(process.argv.slice(1));
  if (launch !== null) take(launch.source, launch.raw);
  return {
    deliverTo(next) {
      sink = next;
      for (const request of waiting.splice(0)) next(request.source, request.raw);
    },
  };
}
