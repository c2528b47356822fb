/** What every viewer of a pinnable draft (image, PDF pages, video) is given by the card panel. */
import type { CommentPin, CommentThread } from '$lib/board';
import type { PinnableDraft } from '../comments/comment-pins';

export interface DraftViewProps {
  /** Where the version is served. */
  url: string;
  draft: PinnableDraft;
  threads: readonly CommentThread[];
  /** The thread shown as selected, if any. */
  highlighted: string | null;
  /** The pin of the comment being written, wherever it was placed. */
  pending: CommentPin | null;
  /** Places a new pin; absent for people who may not comment. */
  onpick?: (pin: CommentPin) => void;
  onselect: (commentId: string) => void;
}
