import { useRef, type KeyboardEvent } from 'react';

/**
 * Escape closes a form or confirmation, as in any desktop app: returns the keydown handler for
 * its outermost element. Focus goes back to what had it when the form opened (the button that
 * opened it), so a keyboard user keeps their place.
 */
export function useEscapeToClose(onClose: () => void): (event: KeyboardEvent) => void {
  // Read once, on the first render: the element focused as the form opened.
  const opener = useRef<Element | null | undefined>(undefined);
  if (opener.current === undefined) opener.current = document.activeElement;
  return (event) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    event.stopPropagation();
    const back = opener.current;
    onClose();
    if (back instanceof HTMLElement && back.isConnected) back.focus();
  };
}
