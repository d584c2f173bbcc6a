import { splitMentions } from '../../models/comments/mention';

/** Comment text with its mentions (`@Naam`) highlighted — in bold, so not by colour alone. */
export function MentionText({ text, names }: { text: string; names: readonly string[] }) {
  if (names.length === 0) return <>{text}</>;
  return (
    <>
      {splitMentions(text, names).map((segment, i) =>
        segment.mention ? (
          <strong key={i} className="mention">
            {segment.text}
          </strong>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}
