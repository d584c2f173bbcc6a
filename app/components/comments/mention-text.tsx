import { splitLinks } from '../../models/comments/comment-links';
import { splitMentions } from '../../models/comments/mention';

/**
 * Comment text with its mentions (`@Naam`) highlighted — in bold, so not by colour alone —
 * and its web addresses as links (opened without passing on where the reader came from).
 */
export function MentionText({ text, names }: { text: string; names: readonly string[] }) {
  const segments = names.length === 0 ? [{ text, mention: false }] : splitMentions(text, names);
  return (
    <>
      {segments.map((segment, i) =>
        segment.mention ? (
          <strong key={i} className="mention">
            {segment.text}
          </strong>
        ) : (
          <LinkedText key={i} text={segment.text} />
        ),
      )}
    </>
  );
}

function LinkedText({ text }: { text: string }) {
  return (
    <>
      {splitLinks(text).map((piece, i) =>
        piece.href ? (
          <a key={i} href={piece.href} rel="noopener noreferrer nofollow">
            {piece.text}
          </a>
        ) : (
          piece.text
        ),
      )}
    </>
  );
}
