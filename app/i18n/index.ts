/**
 * The message catalogue. All user-facing text lives under app/i18n/nl/, one file per
 * area, so a second language is a matter of adding app/i18n/<lang>/ with the same keys.
 */
import { accents } from './nl/accents';
import { actions } from './nl/actions';
import { admin } from './nl/admin';
import { charts } from './nl/charts';
import { comments } from './nl/comments';
import { common } from './nl/common';
import { decisions } from './nl/decisions';
import { history } from './nl/history';
import { library } from './nl/library';
import { lists } from './nl/lists';
import { live } from './nl/live';
import { meetings } from './nl/meetings';
import { minutes } from './nl/minutes';
import { notes } from './nl/notes';
import { notifications } from './nl/notifications';
import { search } from './nl/search';
import { tracker } from './nl/tracker';

export const t = {
  common,
  actions,
  tracker,
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
  charts,
};
