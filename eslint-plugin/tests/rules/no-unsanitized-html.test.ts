import rule from '../../src/rules/no-unsanitized-html.js';
import { javascriptTester } from '../rule-testers.js';

const tsx = (code: string) => ({ code, filename: 'x.tsx' });

javascriptTester().run('no-unsanitized-html', rule, {
  valid: [
    // Text, not HTML.
    'el.textContent = userInput;',
    'el.innerText = comment.body;',
    "$('#out').text(userInput);",
    "el.setAttribute('title', userInput);",
    // Constants: literals, constant templates, same-file constants, UPPER_CASE names, enums.
    "el.innerHTML = '';",
    "el.innerHTML = '<b>static</b>';",
    "el.innerHTML = `<b>${'static'}</b>`;",
    "const ICON = '<svg></svg>';\nbutton.innerHTML = ICON + ' Save';",
    "const COUNT_CLASS = 'count';\nel.innerHTML = `<span class=\"${COUNT_CLASS}\">${items.length}</span>`;",
    "const STRINGS = { empty: '<p>Nothing here yet.</p>' };\nlist.innerHTML = STRINGS.empty;",
    "container.innerHTML = [HEADER_HTML, FOOTER_HTML].join('\\n');",
    "enum Icons { Close = '<svg/>' }\nbutton.innerHTML = Icons.Close;",
    "el.innerHTML = props.loading ? '<span class=\"spinner\"></span>' : '';",
    "import iconSvg from './icon.svg?raw';\nbutton.innerHTML = iconSvg;",
    "import { SPINNER } from './markup';\nel.innerHTML = SPINNER;",
    // The deployment's configuration.
    'el.innerHTML = process.env.BANNER_HTML;',
    'banner.innerHTML = import.meta.env.VITE_BANNER;',
    // Numbers.
    'el.innerHTML = String(42);',
    'el.innerHTML = `${Math.round(progress * 100)}%`;',
    'el.innerHTML = `<progress value="${(done / total).toFixed(2)}"></progress>`;',
    'badge.innerHTML = `<b>${unread.length}</b>`;',
    'function cell(count: number) {\n  return `<td>${count}</td>`;\n}\nrow.innerHTML = cell(total);',
    // Sanitized: DOMPurify in its usual spellings, sanitize-html, js-xss, Trusted Types.
    'el.innerHTML = DOMPurify.sanitize(html);',
    'const purify = DOMPurify(window);\nel.innerHTML = purify.sanitize(html);',
    'el.innerHTML = DOMPurify(window).sanitize(html);',
    "import sanitizeHtml from 'sanitize-html';\npreview.innerHTML = sanitizeHtml(body, { allowedTags: ['b', 'i'] });",
    "import xss from 'xss';\nel.insertAdjacentHTML('beforeend', xss(comment));",
    'el.innerHTML = policy.createHTML(html);',
    "document.write(DOMPurify.sanitize(location.hash.slice(1)));",
    "$('#preview').html(DOMPurify.sanitize(comment));",
    // Escaped values.
    'el.innerHTML = escapeHtml(comment.body);',
    'el.innerHTML = `<p>${_.escape(name)}</p>`;',
    "list.innerHTML = items.map((item) => `<li>${escapeHtml(item.name)}</li>`).join('');",
    "let html = '';\nfor (const user of users) html += `<li>${he.encode(user.name)}</li>`;\nel.innerHTML = html;",
    "const parts = [];\nparts.push('<ul>');\nfor (const name of names) parts.push(`<li>${escapeHtml(name)}</li>`);\nparts.push('</ul>');\nel.innerHTML = parts.join('');",
    "el.innerHTML = comment.replace(/</g, '&lt;');",
    // Named as sanitized where the rule cannot see the value.
    'function render(el, sanitizedHtml) {\n  el.innerHTML = sanitizedHtml;\n}',
    'preview.innerHTML = post.bodyEscaped;',
    // Markup already in the page, and renderers that escape their input.
    "const template = document.querySelector('#row');\nrow.innerHTML = template.innerHTML;",
    "import { renderToStaticMarkup } from 'react-dom/server';\nbutton.innerHTML = renderToStaticMarkup(<Icon name={name} />);",
    "el.innerHTML = katex.renderToString(formula, { throwOnError: false });",
    tsx("export const Code = ({ code }) => <pre dangerouslySetInnerHTML={{ __html: hljs.highlight(code, { language: 'ts' }).value }} />;"),
    "block.innerHTML = Prism.highlight(code, Prism.languages.javascript, 'javascript');",
    // Markdown rendered from a constant.
    "const README = '# Hello';\nel.innerHTML = marked.parse(README);",
    // React: sanitized, constant, or a sanitized constant.
    tsx("import DOMPurify from 'dompurify';\nexport const Post = ({ html }) => <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(html) }} />;"),
    tsx("import DOMPurify from 'dompurify';\nexport function Post({ dirty }) {\n  const clean = DOMPurify.sanitize(dirty);\n  return <div dangerouslySetInnerHTML={{ __html: clean }} />;\n}"),
    tsx('export function Post({ html }) {\n  const clean = useMemo(() => DOMPurify.sanitize(html), [html]);\n  return <article dangerouslySetInnerHTML={{ __html: clean }} />;\n}'),
    tsx("import sanitizeHtml from 'sanitize-html';\nexport const Bio = ({ bio }) => <p dangerouslySetInnerHTML={{ __html: sanitizeHtml(bio) }} />;"),
    tsx("export const Br = () => <div dangerouslySetInnerHTML={{ __html: '<br/>' }} />;"),
    tsx("function createMarkup() {\n  return { __html: 'First &middot; Second' };\n}\nexport const A = () => <div dangerouslySetInnerHTML={createMarkup()} />;"),
    tsx("export const Terms = () => <p dangerouslySetInnerHTML={{ __html: t('legal.terms') }} />;"),
    "React.createElement('div', { dangerouslySetInnerHTML: { __html: DOMPurify.sanitize(html) } });",
    // JSON in a <script>: constant data, or "<" escaped.
    tsx("export const Org = () => (\n  <script type=\"application/ld+json\" dangerouslySetInnerHTML={{ __html: JSON.stringify({ '@context': 'https://schema.org', '@type': 'Organization', name: 'Acme' }) }} />\n);"),
    tsx("const ORG = { '@context': 'https://schema.org', '@type': 'Organization', url: process.env.SITE_URL };\nexport const Org = () => <script type=\"application/ld+json\" dangerouslySetInnerHTML={{ __html: JSON.stringify(ORG) }} />;"),
    tsx("import { SERVICE_JSONLD } from './seo';\nexport const Service = () => <script type=\"application/ld+json\" dangerouslySetInnerHTML={{ __html: JSON.stringify(SERVICE_JSONLD) }} />;"),
    tsx("const themeScript = `(function(){try{if(localStorage.getItem('theme')==='dark')document.documentElement.classList.add('dark')}catch(e){}})()`;\nexport const Head = () => <script dangerouslySetInnerHTML={{ __html: themeScript }} />;"),
    tsx("export const Product = ({ data }) => (\n  <script type=\"application/ld+json\" dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, '\\\\u003c') }} />\n);"),
    // The object is built elsewhere: that code is what gets checked.
    tsx('export const Html = (props) => <div dangerouslySetInnerHTML={props.markup} />;'),
    // Not HTML sinks: Node streams, a getter, another library's .html(), an inert parser.
    'res.write(html);',
    'stream.write(chunk);',
    "const markup = $('#x').html();",
    'editor.html(value);',
    "const doc = new DOMParser().parseFromString(html, 'text/html');",
    "iframe.contentDocument.write('<p>loading</p>');",
    // Options.
    { code: 'el.innerHTML = cleanHtml(input);', options: [{ sanitizers: ['cleanHtml'] }] },
    { code: 'el.innerHTML = utils.clean(input);', options: [{ sanitizers: ['utils.clean'] }] },
    { code: 'el.innerHTML = `<p>${encodeEntities(name)}</p>`;', options: [{ escapers: ['encodeEntities'] }] },
  ],
  invalid: [
    {
      ...tsx('export const Post = ({ html }: { html: string }) => <div dangerouslySetInnerHTML={{ __html: html }} />;'),
      errors: [
        {
          messageId: 'unsanitized',
          data: { sink: 'dangerouslySetInnerHTML' },
          line: 1,
          column: 93,
          endLine: 1,
          endColumn: 97,
          suggestions: [
            {
              messageId: 'wrapInSanitizeNeedsImport',
              output: 'export const Post = ({ html }: { html: string }) => <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(html) }} />;',
            },
          ],
        },
      ],
    },
    {
      ...tsx("import React from 'react';\n\nexport function Bio({ user }) {\n  return <div dangerouslySetInnerHTML={{ __html: user.bio }} />;\n}"),
      errors: [
        {
          messageId: 'unsanitized',
          line: 4,
          column: 50,
          endLine: 4,
          endColumn: 58,
          suggestions: [
            {
              messageId: 'wrapInSanitizeAndImport',
              output:
                "import React from 'react';\nimport DOMPurify from 'dompurify';\n\nexport function Bio({ user }) {\n  return <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(user.bio) }} />;\n}",
            },
          ],
        },
      ],
    },
    {
      // The import follows the file's quotes and semicolons.
      ...tsx('import { useState } from "react"\nexport const C = ({ comment }) => <div dangerouslySetInnerHTML={{ __html: comment.body }} />'),
      errors: [
        {
          messageId: 'unsanitized',
          line: 2,
          column: 75,
          endLine: 2,
          endColumn: 87,
          suggestions: [
            {
              messageId: 'wrapInSanitizeAndImport',
              output:
                'import { useState } from "react"\nimport DOMPurify from "dompurify"\nexport const C = ({ comment }) => <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(comment.body) }} />',
            },
          ],
        },
      ],
    },
    {
      // DOMPurify already imported: no second import.
      ...tsx("import DOMPurify from 'dompurify';\nexport const C = ({ comment }) => <div dangerouslySetInnerHTML={{ __html: comment.body }} />;"),
      errors: [
        {
          messageId: 'unsanitized',
          line: 2,
          column: 75,
          endLine: 2,
          endColumn: 87,
          suggestions: [
            {
              messageId: 'wrapInSanitize',
              data: { name: 'DOMPurify' },
              output: "import DOMPurify from 'dompurify';\nexport const C = ({ comment }) => <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(comment.body) }} />;",
            },
          ],
        },
      ],
    },
    {
      code: "import purify from 'isomorphic-dompurify';\nel.innerHTML = userInput;",
      errors: [
        {
          messageId: 'unsanitized',
          data: { sink: 'innerHTML' },
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 25,
          suggestions: [
            { messageId: 'wrapInSanitize', data: { name: 'purify' }, output: "import purify from 'isomorphic-dompurify';\nel.innerHTML = purify.sanitize(userInput);" },
          ],
        },
      ],
    },
    {
      code: "const DOMPurify = require('dompurify');\nel.innerHTML += `<li>${item.name}</li>`;",
      errors: [
        {
          messageId: 'unsanitized',
          line: 2,
          column: 17,
          endLine: 2,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'wrapInSanitize',
              output: "const DOMPurify = require('dompurify');\nel.innerHTML += DOMPurify.sanitize(`<li>${item.name}</li>`);",
            },
          ],
        },
      ],
    },
    {
      code: 'card.outerHTML = html;',
      errors: [
        {
          messageId: 'unsanitized',
          data: { sink: 'outerHTML' },
          line: 1,
          column: 18,
          endLine: 1,
          endColumn: 22,
          suggestions: [{ messageId: 'wrapInSanitizeNeedsImport', output: 'card.outerHTML = DOMPurify.sanitize(html);' }],
        },
      ],
    },
    {
      code: "el.insertAdjacentHTML('beforeend', `<p>${message}</p>`);",
      errors: [
        {
          messageId: 'unsanitized',
          data: { sink: 'insertAdjacentHTML()' },
          line: 1,
          column: 36,
          endLine: 1,
          endColumn: 55,
          suggestions: [{ messageId: 'wrapInSanitizeNeedsImport', output: "el.insertAdjacentHTML('beforeend', DOMPurify.sanitize(`<p>${message}</p>`));" }],
        },
      ],
    },
    {
      code: 'document.write(location.hash.slice(1));',
      errors: [
        {
          messageId: 'unsanitized',
          data: { sink: 'document.write()' },
          line: 1,
          column: 16,
          endLine: 1,
          endColumn: 38,
          suggestions: [{ messageId: 'wrapInSanitizeNeedsImport', output: 'document.write(DOMPurify.sanitize(location.hash.slice(1)));' }],
        },
      ],
    },
    {
      code: 'const doc = frame.contentWindow.document;\ndoc.writeln(html);',
      errors: [
        {
          messageId: 'unsanitized',
          data: { sink: 'document.writeln()' },
          line: 2,
          column: 13,
          endLine: 2,
          endColumn: 17,
          suggestions: [{ messageId: 'wrapInSanitizeNeedsImport', output: 'const doc = frame.contentWindow.document;\ndoc.writeln(DOMPurify.sanitize(html));' }],
        },
      ],
    },
    {
      code: 'const fragment = document.createRange().createContextualFragment(markup);',
      errors: [
        {
          messageId: 'unsanitized',
          data: { sink: 'createContextualFragment()' },
          line: 1,
          column: 66,
          endLine: 1,
          endColumn: 72,
          suggestions: [
            { messageId: 'wrapInSanitizeNeedsImport', output: 'const fragment = document.createRange().createContextualFragment(DOMPurify.sanitize(markup));' },
          ],
        },
      ],
    },
    {
      code: "$('#preview').html(comment);",
      errors: [
        {
          messageId: 'unsanitized',
          data: { sink: 'jQuery .html()' },
          line: 1,
          column: 20,
          endLine: 1,
          endColumn: 27,
          suggestions: [{ messageId: 'wrapInSanitizeNeedsImport', output: "$('#preview').html(DOMPurify.sanitize(comment));" }],
        },
      ],
    },
    {
      // A function that returns the HTML: reported, with nothing to wrap.
      code: "jQuery('.tip').html(function () {\n  return this.title;\n});",
      errors: [{ messageId: 'unsanitized', line: 1, column: 21, endLine: 3, endColumn: 2, suggestions: [] }],
    },
    {
      // marked does not sanitize.
      code: 'el.innerHTML = marked.parse(post.body);',
      errors: [
        {
          messageId: 'markdown',
          data: { sink: 'innerHTML', renderer: 'marked' },
          line: 1,
          column: 16,
          endLine: 1,
          endColumn: 39,
          suggestions: [{ messageId: 'wrapInSanitizeNeedsImport', output: 'el.innerHTML = DOMPurify.sanitize(marked.parse(post.body));' }],
        },
      ],
    },
    {
      ...tsx("import { marked } from 'marked';\nexport const Doc = ({ content }) => <div dangerouslySetInnerHTML={{ __html: marked(content) }} />;"),
      errors: [
        {
          messageId: 'markdown',
          data: { sink: 'dangerouslySetInnerHTML', renderer: 'marked' },
          line: 2,
          column: 77,
          endLine: 2,
          endColumn: 92,
          suggestions: [
            {
              messageId: 'wrapInSanitizeAndImport',
              output:
                "import { marked } from 'marked';\nimport DOMPurify from 'dompurify';\nexport const Doc = ({ content }) => <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(marked(content)) }} />;",
            },
          ],
        },
      ],
    },
    {
      code: 'preview.innerHTML = new showdown.Converter().makeHtml(text);',
      errors: [
        {
          messageId: 'markdown',
          data: { sink: 'innerHTML', renderer: 'showdown' },
          line: 1,
          column: 21,
          endLine: 1,
          endColumn: 60,
          suggestions: [{ messageId: 'wrapInSanitizeNeedsImport', output: 'preview.innerHTML = DOMPurify.sanitize(new showdown.Converter().makeHtml(text));' }],
        },
      ],
    },
    {
      // JSON-LD: JSON.stringify does not escape "</script>".
      ...tsx('export const Product = ({ product }) => <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(product) }} />;'),
      errors: [
        {
          messageId: 'jsonInScript',
          line: 1,
          column: 111,
          endLine: 1,
          endColumn: 134,
          suggestions: [
            {
              messageId: 'escapeJson',
              output:
                "export const Product = ({ product }) => <script type=\"application/ld+json\" dangerouslySetInnerHTML={{ __html: JSON.stringify(product).replace(/</g, '\\\\u003c') }} />;",
            },
          ],
        },
      ],
    },
    {
      ...tsx('export const Faq = ({ faq }) => <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(faq) as string }} />;'),
      errors: [
        {
          messageId: 'jsonInScript',
          line: 1,
          column: 103,
          endLine: 1,
          endColumn: 132,
          suggestions: [
            {
              messageId: 'escapeJson',
              output:
                "export const Faq = ({ faq }) => <script type=\"application/ld+json\" dangerouslySetInnerHTML={{ __html: JSON.stringify(faq).replace(/</g, '\\\\u003c') as string }} />;",
            },
          ],
        },
      ],
    },
    {
      // Server-rendered state: the same break-out, nothing simple to rewrite.
      ...tsx('export const State = ({ state }) => <script dangerouslySetInnerHTML={{ __html: `window.__STATE__ = ${JSON.stringify(state)}` }} />;'),
      errors: [{ messageId: 'jsonInScript', line: 1, column: 80, endLine: 1, endColumn: 125, suggestions: [] }],
    },
    {
      ...tsx('export const Tag = ({ snippet }) => <script dangerouslySetInnerHTML={{ __html: snippet }} />;'),
      errors: [{ messageId: 'scriptContent', line: 1, column: 80, endLine: 1, endColumn: 87, suggestions: [] }],
    },
    {
      code: "React.createElement('div', { dangerouslySetInnerHTML: { __html: html } });",
      errors: [
        {
          messageId: 'unsanitized',
          line: 1,
          column: 65,
          endLine: 1,
          endColumn: 69,
          suggestions: [
            { messageId: 'wrapInSanitizeNeedsImport', output: "React.createElement('div', { dangerouslySetInnerHTML: { __html: DOMPurify.sanitize(html) } });" },
          ],
        },
      ],
    },
    {
      // A value beats its name.
      code: 'const sanitizedHtml = input.trim();\nel.innerHTML = sanitizedHtml;',
      errors: [
        {
          messageId: 'unsanitized',
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 29,
          suggestions: [{ messageId: 'wrapInSanitizeNeedsImport', output: 'const sanitizedHtml = input.trim();\nel.innerHTML = DOMPurify.sanitize(sanitizedHtml);' }],
        },
      ],
    },
    {
      // Pretty-printed JSON outside a <script> still renders its strings as markup.
      ...tsx('export const Debug = ({ data }) => <pre dangerouslySetInnerHTML={{ __html: JSON.stringify(data, null, 2) }} />;'),
      errors: [
        {
          messageId: 'unsanitized',
          line: 1,
          column: 76,
          endLine: 1,
          endColumn: 105,
          suggestions: [
            {
              messageId: 'wrapInSanitizeNeedsImport',
              output: 'export const Debug = ({ data }) => <pre dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(JSON.stringify(data, null, 2)) }} />;',
            },
          ],
        },
      ],
    },
    {
      // window.name survives navigation: another site can set it.
      code: 'el.innerHTML = window.name;',
      errors: [
        {
          messageId: 'unsanitized',
          line: 1,
          column: 16,
          endLine: 1,
          endColumn: 27,
          suggestions: [{ messageId: 'wrapInSanitizeNeedsImport', output: 'el.innerHTML = DOMPurify.sanitize(window.name);' }],
        },
      ],
    },
    {
      // A row template that does not escape, and a list built from it.
      code: "function row(user) {\n  return `<td>${user.name}</td>`;\n}\ntbody.innerHTML = users.map(row).join('');",
      errors: [
        {
          messageId: 'unsanitized',
          line: 4,
          column: 19,
          endLine: 4,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'wrapInSanitizeNeedsImport',
              output: "function row(user) {\n  return `<td>${user.name}</td>`;\n}\ntbody.innerHTML = DOMPurify.sanitize(users.map(row).join(''));",
            },
          ],
        },
      ],
    },
    {
      // One unescaped branch of the loop is enough.
      code: "let html = '<ul>';\nfor (const item of items) html += `<li>${item}</li>`;\nlist.innerHTML = html;",
      errors: [
        {
          messageId: 'unsanitized',
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 22,
          suggestions: [
            { messageId: 'wrapInSanitizeNeedsImport', output: "let html = '<ul>';\nfor (const item of items) html += `<li>${item}</li>`;\nlist.innerHTML = DOMPurify.sanitize(html);" },
          ],
        },
      ],
    },
  ],
});
