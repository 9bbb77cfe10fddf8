// Events as a person makes them. A browser marks real input `isTrusted` and no script can forge it; the test
// DOM (happy-dom) leaves it unset, so these helpers set it on the events they dispatch, standing in for the
// browser. A plain `fireEvent.click` is what a page's script can do, and the overlay must ignore it.
import { fireEvent } from '@testing-library/preact';

function asPerson<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** A person's click on `element`. */
export function personClick(element: Element): boolean {
  return fireEvent(
    element,
    asPerson(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true })),
  );
}

/** A person pressing `key` with `element` focused. */
export function personKey(element: Element, key: string): boolean {
  return fireEvent(
    element,
    asPerson(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true })),
  );
}
