import { Fragment, type ReactNode } from 'react';

import { safeUrl } from '../../models/library/library-rules';
import { BULLET_LINE, HEADING_LINE, INLINE, NUMBERED_LINE } from '../../models/library/markdown-light';

/**
 * The "Markdown-light" text of a good practice, rendered as React elements — never as
 * HTML, so whatever was typed (including <script> or raw HTML) shows as text.
 * Understood: paragraphs (a blank line between), headings ("# " and "## " become h2,
 * "### " h3: the page's h1 is the item's title), lists ("- " or "* ", and "1. "),
 * **bold**, and [text](address) links with the library's address rule (http, https,
 * mailto); a link with any other address shows as its text.
 */
type Block = { type: 'p'; text: string } | { type: 'h2' | 'h3'; text: string } | { type: 'ul' | 'ol'; items: string[] };

export function parseBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { type: 'ul' | 'ol'; items: string[] } | null = null;
  // A blank line inside a list does not end it when the next line is another item.
  let blankInList = false;
  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push({ type: 'p', text: paragraph.join(' ') });
    paragraph = [];
  };
  const endList = () => {
    if (list) blocks.push(list);
    list = null;
    blankInList = false;
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const heading = HEADING_LINE.exec(line);
    const item = BULLET_LINE.exec(line) ?? NUMBERED_LINE.exec(line);
    const itemType = item ? (/^[-*]/.test(line) ? 'ul' : 'ol') : null;
    if (line === '') {
      endParagraph();
      if (list) blankInList = true;
    } else if (heading) {
      endParagraph();
      endList();
      blocks.push({ type: heading[1].length === 3 ? 'h3' : 'h2', text: heading[2] });
    } else if (item && itemType) {
      endParagraph();
      if (list && (list as { type: string }).type !== itemType) endList();
      list ??= { type: itemType, items: [] };
      list.items.push(item[1]);
      blankInList = false;
    } else if (list && !blankInList && /^\s{2,}/.test(raw)) {
      // An indented line continues the list item above it.
      list.items[list.items.length - 1] += ` ${line}`;
    } else {
      endList();
      paragraph.push(line);
    }
  }
  endParagraph();
  endList();
  return blocks;
}

function Inline({ text, bold = true }: { text: string; bold?: boolean }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const start = match.index ?? 0;
    if (start > last) parts.push(text.slice(last, start));
    if (match[1] !== undefined) {
      parts.push(bold ? <strong key={start}>{<Inline text={match[1]} bold={false} />}</strong> : match[0]);
    } else {
      const href = safeUrl(match[3]);
      parts.push(
        href ? (
          <a key={start} href={href} rel="noopener noreferrer nofollow">
            {match[2]}
          </a>
        ) : (
          `${match[2]} (${match[3]})`
        ),
      );
    }
    last = start + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>{part}</Fragment>
      ))}
    </>
  );
}

export function LibraryMarkdown({ text }: { text: string }) {
  return (
    <div className="prose library-body">
      {parseBlocks(text).map((block, i) => {
        switch (block.type) {
          case 'h2':
            return (
              <h2 key={i}>
                <Inline text={block.text} />
              </h2>
            );
          case 'h3':
            return (
              <h3 key={i}>
                <Inline text={block.text} />
              </h3>
            );
          case 'ul':
          case 'ol': {
            const List = block.type;
            return (
              <List key={i}>
                {block.items.map((item, j) => (
                  <li key={j}>
                    <Inline text={item} />
                  </li>
                ))}
              </List>
            );
          }
          default:
            return (
              <p key={i}>
                <Inline text={block.text} />
              </p>
            );
        }
      })}
    </div>
  );
}
