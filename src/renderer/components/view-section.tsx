import type { ReactNode } from 'react';

/**
 * One of the main views: a section named by its level-one heading (one per view, so a screen
 * reader's "next heading" lands on the view's name first), with the view's actions beside the
 * heading. `actionsLabel` turns the actions into a labelled group (e.g. filters named "Show").
 */
export function ViewSection({
  titleId,
  title,
  actions,
  actionsLabel,
  className,
  children,
}: {
  titleId: string;
  title: string;
  actions?: ReactNode;
  actionsLabel?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={titleId} className={className}>
      <div className="view-header">
        <h1 id={titleId}>{title}</h1>
        {actions !== undefined && (
          <div
            className="actions"
            role={actionsLabel === undefined ? undefined : 'group'}
            aria-label={actionsLabel}
          >
            {actions}
          </div>
        )}
      </div>
      {children}
    </section>
  );
}
