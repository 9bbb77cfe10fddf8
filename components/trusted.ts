// Only a person's input drives the overlay: events a page's script makes (`el.click()`, `dispatchEvent`)
// are untrusted, and a page must not be able to press Save, play, seek or expand anything of ours.

/**
 * Wrap an event handler so it runs only for events the browser made from real input (`isTrusted`).
 * The browser sets `isTrusted` itself and a script cannot forge it (the property cannot be redefined on an event).
 * @example
 * <button onClick={trusted(() => save())}>Save</button>
 */
export function trusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (isPersonEvent(event)) handler(event);
  };
}

/**
 * Whether an event came from real input.
 * @example
 * window.addEventListener('click', (event) => { if (isPersonEvent(event)) play(); });
 */
export function isPersonEvent(event: Event): boolean {
  return event.isTrusted === true;
}
