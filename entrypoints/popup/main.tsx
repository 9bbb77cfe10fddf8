// Popup entry: render the app for the active tab.
import '@/utils/zod-setup';
import { render } from 'preact';
import { PopupApp } from './App';
import './popup.css';

render(<PopupApp />, document.getElementById('app')!);
