//! HTML (a feed item's content, a page's article) to the reader's plain paragraphs.
//!
//! A walk over the parsed DOM rather than an HTML-to-text renderer: the reader wraps text itself
//! and wants paragraphs, not lines laid out for a fixed width. Scripts, styles, navigation and
//! forms are dropped; list items become `• item` (`1. item` in ordered lists) paragraphs, block
//! quotes `> quoted` ones; each link's text is followed by `[N]`, and the targets are returned in
//! order so the reader can list them at the end and open them by number.

use dom_query::{Document, NodeRef};
use url::Url;

/// The text of an HTML fragment or page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlText {
    pub paragraphs: Vec<String>,
    /// Link targets, absolute where a base URL allowed; `[N]` in the text is `links[N - 1]`.
    pub links: Vec<String>,
}

/// Elements whose content is never article text.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "iframe", "object", "embed", "svg", "form", "button", "select",
    "input", "textarea", "head", "title", "canvas", "audio", "video", "map",
];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "table",
    "tr",
    "figure",
    "figcaption",
    "dl",
    "dt",
    "dd",
    "hr",
    "address",
    "br",
    "center",
    "details",
    "summary",
    "body",
    "html",
];

/// `html` as paragraphs and links; relative links are resolved against `base` when given.
#[must_use]
pub fn html_to_text(html: &str, base: Option<&str>) -> HtmlText {
    let doc = Document::fragment(html);
    let base = base.and_then(|b| Url::parse(b).ok());
    let mut walk = Walk { base, ..Walk::default() };
    walk.node(&doc.root());
    walk.flush();
    HtmlText { paragraphs: walk.paragraphs, links: walk.links }
}

/// A title or name that may carry tags and entities, as one line of text.
#[must_use]
pub fn html_to_line(html: &str) -> String {
    if !html.contains(['<', '&']) {
        return collapse(html);
    }
    collapse(&html_to_text(html, None).paragraphs.join(" "))
}

/// [`html_to_line`], sanitized: what a title, a name or a byline from a feed becomes.
#[must_use]
pub fn clean_line(html: &str) -> String {
    collapse(&crate::article::sanitize(&html_to_line(html)))
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Default)]
struct Walk {
    base: Option<Url>,
    paragraphs: Vec<String>,
    links: Vec<String>,
    current: String,
    /// What starts the next paragraph: list bullets, quote marks.
    prefix: String,
    quote_depth: usize,
    /// For each open list: the next number of an ordered list, `None` for a bulleted one.
    lists: Vec<Option<usize>>,
    pre_depth: usize,
}

impl Walk {
    /// Walks `root` without recursion: deeply nested markup cannot exhaust the stack.
    fn node(&mut self, root: &NodeRef<'_>) {
        enum Step<'a> {
            Enter(NodeRef<'a>),
            Leave(NodeRef<'a>, Option<String>),
        }
        let mut stack = vec![Step::Enter(*root)];
        while let Some(step) = stack.pop() {
            match step {
                Step::Enter(node) => {
                    if node.is_text() {
                        self.text(&node.text());
                        continue;
                    }
                    let name = node.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
                    if !(node.is_element() || node.is_document() || node.is_fragment())
                        || DROPPED.contains(&name.as_str())
                    {
                        continue;
                    }
                    let href = self.open(&name, &node);
                    stack.push(Step::Leave(node, href));
                    for child in node.children_it(true) {
                        stack.push(Step::Enter(child));
                    }
                }
                Step::Leave(node, href) => {
                    let name = node.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
                    self.close(&name, href);
                }
            }
        }
    }

    /// Opens an element; returns the link target of an `<a>`, noted when it closes.
    fn open(&mut self, name: &str, node: &NodeRef<'_>) -> Option<String> {
        match name {
            "ul" | "ol" => {
                self.flush();
                let start = node.attr("start").and_then(|s| s.trim().parse().ok()).unwrap_or(1);
                self.lists.push((name == "ol").then_some(start));
            }
            "li" => {
                self.flush();
                let depth = self.lists.len().saturating_sub(1);
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}. ", *n - 1)
                    }
                    _ if depth > 0 => "◦ ".to_string(),
                    _ => "• ".to_string(),
                };
                self.prefix = format!("{}{marker}", "  ".repeat(depth));
            }
            "blockquote" => {
                self.flush();
                self.quote_depth += 1;
            }
            "pre" => {
                self.flush();
                self.pre_depth += 1;
            }
            "a" => return node.attr("href").and_then(|h| self.resolve(&h)),
            "img" => {
                if let Some(alt) = node.attr("alt").map(|a| collapse(&a)).filter(|a| !a.is_empty()) {
                    self.text(&format!(" [image: {alt}] "));
                }
            }
            _ if BLOCKS.contains(&name) => self.flush(),
            _ => {}
        }
        None
    }

    fn close(&mut self, name: &str, href: Option<String>) {
        match name {
            "ul" | "ol" => {
                self.flush();
                self.lists.pop();
            }
            "li" => self.flush(),
            "blockquote" => {
                self.flush();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            "pre" => {
                self.flush();
                self.pre_depth = self.pre_depth.saturating_sub(1);
            }
            "a" => {
                if let Some(href) = href
                    && !self.current.trim().is_empty()
                {
                    let number = match self.links.iter().position(|l| *l == href) {
                        Some(i) => i + 1,
                        None => {
                            self.links.push(href);
                            self.links.len()
                        }
                    };
                    self.current.push_str(&format!(" [{number}]"));
                }
            }
            _ if BLOCKS.contains(&name) => self.flush(),
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.pre_depth > 0 {
            // Preformatted lines stay lines: each is a paragraph of its own.
            let mut lines = text.split('\n');
            if let Some(first) = lines.next() {
                self.current.push_str(first);
            }
            for line in lines {
                self.flush();
                self.current.push_str(line);
            }
            return;
        }
        self.current.push_str(text);
    }

    fn flush(&mut self) {
        let text = collapse(&self.current);
        self.current.clear();
        if text.is_empty() {
            return;
        }
        let quote = "> ".repeat(self.quote_depth);
        self.paragraphs.push(format!("{quote}{}{text}", self.prefix));
        self.prefix.clear();
    }

    /// An absolute http(s) or mailto target; page anchors and scripts are not links to list.
    fn resolve(&self, href: &str) -> Option<String> {
        let href = href.trim();
        if href.is_empty() || href.starts_with('#') {
            return None;
        }
        let url = match &self.base {
            Some(base) => base.join(href).ok()?,
            None => Url::parse(href).ok()?,
        };
        matches!(url.scheme(), "http" | "https" | "mailto").then(|| url.to_string())
    }
}

#[cfg(test)]
mod tests;
