// Options page entry: localise the document, then render the settings form.
import '@/utils/zod-setup';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';
import { OptionsApp } from './OptionsApp';
import './style.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('optionsTitle');
render(<OptionsApp />, document.getElementById('app')!);
