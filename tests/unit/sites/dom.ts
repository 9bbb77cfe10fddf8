// Test helper: a linkedom Document from HTML, as the CLI and unit tests read pages.
import { parseHTML } from 'linkedom';

export function documentFrom(html: string): Document {
  return (parseHTML(html) as unknown as { document: Document }).document;
}
