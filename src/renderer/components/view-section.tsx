import type { ReactNode } from 'react';

/**
 * One of the main views: a section named by its heading, with the view's actions beside the
 * heading. `actionsLabel` turns the actions into a labelled group (e.g. filters named "Show").
 */
export function ViewSection({
  titleId,
  title,
  actions,
  actionsLabel,
  children,
}: {
  titleId: string;
  title: string;
  actions: ReactNode;
  actionsLabel?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={titleId}>
      <div className="view-header">
        <h2 id={titleId}>{title}</h2>
        <div
          className="actions"
          role={actionsLabel === undefined ? undefined : 'group'}
          aria-label={actionsLabel}
        >
          {actions}
        </div>
      </div>
      {children}
    </section>
  );
}
