// Library page: every saved episode, filtered by technology, exported as a reading list.
import '@/utils/zod-setup';
import { render } from 'preact';
import { LibraryApp } from '@/components/library/LibraryApp';
import { contextLibrary } from '@/utils/library/instance';
import { LibraryOpenNotice } from './OpenNotice';
import './style.css';
import './chapters.css';
import '@/components/tech-map.css';

const service = contextLibrary();
render(
  <>
    <LibraryOpenNotice db={service.db} />
    <LibraryApp service={service} />
  </>,
  document.getElementById('app')!,
);
