import { createElement, Fragment, type ReactNode } from 'react';

import { t } from '../../i18n';
import {
  attendeeSections,
  type Block,
  type ConceptVersion,
  minutesBlocks,
  type MinutesDoc,
  minutesFrontMatter,
  notesHeadingLevel,
  type PublishedVersion,
  type Run,
} from '../../models/meetings/minutes-content';

const m = t.minutes;

/**
 * A published version of the minutes as semantic HTML: the meeting's facts, the
 * attendees, and the frozen notes with real headings and lists. Everything shown comes
 * from the frozen document, never from live data. The page's h1 is the route's.
 */
export function MinutesDocument({ doc, published }: { doc: MinutesDoc; published: PublishedVersion | ConceptVersion }) {
  const front = minutesFrontMatter(doc, published);
  const attendees = attendeeSections(doc.attrs.attendees);
  const blocks = minutesBlocks(doc);
  return (
    <div className="minutes-document">
      <dl className="meta-list" aria-label={m.meta.label}>
        {front.meta.map((line) => (
          <Fragment key={line.label}>
            <dt>{line.label}</dt>
            <dd>{line.value}</dd>
          </Fragment>
        ))}
      </dl>
      <p className="minutes-document__version">{front.versionLine}</p>

      <section aria-labelledby="minutes-attendees">
        <h2 id="minutes-attendees">{m.attendees.heading}</h2>
        {attendees.length === 0 ? <p className="muted">{m.attendees.none}</p> : null}
        {attendees.map((group) => (
          <Fragment key={group.heading}>
            <h3>{group.heading}</h3>
            <ul className="minutes-attendees">
              {group.names.map((name, i) => (
                <li key={i}>{name}</li>
              ))}
            </ul>
          </Fragment>
        ))}
      </section>

      <section aria-labelledby="minutes-notes" className="minutes-notes">
        <h2 id="minutes-notes">{m.notesHeading}</h2>
        {blocks.length === 0 ? <p className="muted">{m.emptyNotes}</p> : <Blocks blocks={blocks} />}
      </section>
    </div>
  );
}

function Blocks({ blocks }: { blocks: Block[] }) {
  return (
    <>
      {blocks.map((block, i) => {
        switch (block.kind) {
          case 'heading':
            return createElement(`h${notesHeadingLevel(block.depth)}`, { key: i }, <Runs runs={block.runs} />);
          case 'paragraph':
            return block.runs.length === 0 ? null : (
              <p key={i}>
                <Runs runs={block.runs} />
              </p>
            );
          case 'actionItem':
            return (
              <p key={i} className="minutes-item minutes-item--action">
                {block.text}
              </p>
            );
          case 'decision':
            return (
              <p key={i} className="minutes-item minutes-item--decision">
                {block.text}
              </p>
            );
          case 'list': {
            const List = block.ordered ? 'ol' : 'ul';
            return (
              <List key={i}>
                {block.items.map((item, j) => (
                  <li key={j}>
                    <Blocks blocks={item} />
                  </li>
                ))}
              </List>
            );
          }
        }
      })}
    </>
  );
}

function Runs({ runs }: { runs: Run[] }) {
  return (
    <>
      {runs.map((run, i) => {
        if ('lineBreak' in run) return <br key={i} />;
        let node: ReactNode = run.text;
        if (run.italic) node = <em>{node}</em>;
        if (run.bold) node = <strong>{node}</strong>;
        return <Fragment key={i}>{node}</Fragment>;
      })}
    </>
  );
}
