import { marked } from 'marked';

interface Comment {
  author: string;
  body: string;
}

export function CommentBody({ comment }: { comment: Comment }) {
  return <div className="comment" dangerouslySetInnerHTML={{ __html: marked.parse(comment.body) as string }} />;
}

export function renderNotice(el: HTMLElement, message: string) {
  el.innerHTML = `<p class="notice">${message}</p>`;
}
