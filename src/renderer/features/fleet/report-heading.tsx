import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A report's heading, focused when the report appears: a long job ends while the user may be
 * elsewhere in the section, and the focus on the heading makes a screen reader say what ended.
 */
export function ReportHeading({ id, children }: { id: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <h2 id={id} ref={heading} tabIndex={-1}>
      {children}
    </h2>
  );
}
