// Every page of the Chinese edition in Chromium: its script budget,
// axe in both themes and on a phone, what search engines need
// (tests/support/every-page.ts).
import { everyPage } from '../support/every-page.ts';

everyPage({ prefix: '/zh-cn/', lang: 'zh-CN' });
