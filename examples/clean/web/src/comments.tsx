import DOMPurify from 'dompurify';
import { marked } from 'marked';

interface Comment {
  author: string;
  body: string;
}

export function CommentBody({ comment }: { comment: Comment }) {
  return <div className="comment" dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(marked.parse(comment.body) as string) }} />;
}

export function renderNotice(el: HTMLElement, message: string) {
  el.textContent = message;
}
