// Library page: every saved episode, filtered by technology, exported as a reading list.
import '@/utils/zod-setup';
import { render } from 'preact';
import { LibraryApp } from '@/components/library/LibraryApp';
import { contextLibrary } from '@/utils/library/instance';
import './style.css';

render(<LibraryApp service={contextLibrary()} />, document.getElementById('app')!);
