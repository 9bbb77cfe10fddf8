// Popup: this tab's episodes, quick save, open the library.
import '@/utils/zod-setup';
import { render } from 'preact';

function Popup() {
  return <main>Stackcast</main>;
}

render(<Popup />, document.getElementById('app')!);
