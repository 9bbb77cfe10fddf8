// Library page: every saved episode, filtered by technology, exported as a reading list.
import '@/utils/zod-setup';
import { render } from 'preact';

function Library() {
  return <main>Library</main>;
}

render(<Library />, document.getElementById('app')!);
