/**
 * The message catalogue, read as `t.<area>.<key>`. All user-facing text lives under
 * app/i18n/nl/, one file per area, so a second language is a matter of adding
 * app/i18n/<lang>/ with the same keys. The lint rule koers/no-dutch-literals
 * (eslint-rules/no-dutch-literals.js) fails on Dutch text written anywhere else in the
 * app or the server; log lines for operators are not user-facing and stay where they are.
 * The catalogue is browser-safe: plain strings and functions, importing nothing of the app.
 *
 * Areas of pages few people open on a given day (the monitor, the money, the yearly report)
 * are not in `t`: their modules import them directly (`monitor as monitorText`), so their
 * text ships with those pages instead of with every page (the ≤ 150 KB JavaScript budget).
 */
import { accents } from './nl/accents';
import { actions } from './nl/actions';
import { admin } from './nl/admin';
import { agendaFile } from './nl/agenda-file';
import { audit } from './nl/audit';
import { charts } from './nl/charts';
import { comments } from './nl/comments';
import { common } from './nl/common';
import { dates } from './nl/dates';
import { decisions } from './nl/decisions';
import { history } from './nl/history';
import { library } from './nl/library';
import { lists } from './nl/lists';
import { live } from './nl/live';
import { meetings } from './nl/meetings';
import { minutes } from './nl/minutes';
import { notes } from './nl/notes';
import { notifications } from './nl/notifications';
import { periods } from './nl/periods';
import { privacy } from './nl/privacy';
import { search } from './nl/search';
import { server } from './nl/server';
import { tracker } from './nl/tracker';
import { twoFactor } from './nl/two-factor';

export const t = {
  common,
  dates,
  actions,
  tracker,
  agendaFile,
  comments,
  accents,
  history,
  lists,
  admin,
  search,
  meetings,
  notes,
  minutes,
  decisions,
  library,
  notifications,
  live,
  server,
  charts,
  periods,
  audit,
  privacy,
  twoFactor,
};
