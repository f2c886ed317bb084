//! The full text of an item whose feed carries only a summary: its page, fetched, and the
//! article in it found by readability (dom_smoothie), as paragraphs. The caller stores the result
//! so a page is fetched once.

use super::charset::to_utf8;
use super::fetch::{Accept, FetchError, FetchOptions, FetchRequest, get};
use super::html::{clean_line, html_to_text};
use super::http::{agent, charset};
use crate::article::sanitize;

/// The article found in a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FullText {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub paragraphs: Vec<String>,
    /// `[N]` in the paragraphs is `links[N - 1]`.
    pub links: Vec<String>,
}

impl FullText {
    /// The paragraphs the reader shows: its own, then its links listed as a feed item's are.
    #[must_use]
    pub fn shown_paragraphs(&self) -> Vec<String> {
        let mut paragraphs = self.paragraphs.clone();
        if !self.links.is_empty() {
            paragraphs.push("Links:".to_string());
            paragraphs.extend(self.links.iter().enumerate().map(|(i, l)| format!("[{}] {l}", i + 1)));
        }
        paragraphs
    }
}

/// Why no full text came.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FullTextError {
    #[error("{0}")]
    Fetch(#[from] FetchError),
    #[error("no article found in the page")]
    NoArticle,
}

/// Fetches `url` (an item's link) and extracts its article.
///
/// # Errors
/// [`FullTextError`]: the fetch failed (in the fetcher's words) or the page holds no article.
pub fn fetch_full_text(url: &str, options: &FetchOptions) -> Result<FullText, FullTextError> {
    let agent =
        agent(options.connect_timeout, &options.proxy).map_err(|m| FullTextError::Fetch(FetchError::Other(m)))?;
    let (result, _) = get(&agent, &FetchRequest::new(url), options, Accept::Page);
    let fetched = result?.ok_or(FullTextError::Fetch(FetchError::Status(304)))?;
    let charset = fetched.content_type.as_deref().and_then(charset);
    extract_full_text(&to_utf8(&fetched.body, charset.as_deref()), Some(url))
}

/// The article in an HTML page; `url` resolves its relative links.
///
/// # Errors
/// [`FullTextError::NoArticle`] when readability finds none.
pub fn extract_full_text(html: &str, url: Option<&str>) -> Result<FullText, FullTextError> {
    let url = url.filter(|u| url::Url::parse(u).is_ok());
    let mut readability = dom_smoothie::Readability::new(html, url, None).map_err(|_| FullTextError::NoArticle)?;
    let article = readability.parse().map_err(|_| FullTextError::NoArticle)?;
    let text = html_to_text(&article.content, url);
    if text.paragraphs.is_empty() {
        return Err(FullTextError::NoArticle);
    }
    let clean = |s: &str| Some(clean_line(s)).filter(|s| !s.is_empty());
    Ok(FullText {
        title: clean(&article.title),
        byline: article.byline.as_deref().and_then(clean),
        paragraphs: text.paragraphs.iter().map(|p| sanitize(p)).collect(),
        links: text.links.iter().map(|l| sanitize(l)).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_article_is_found_among_the_furniture() {
        let body = "<p>The council voted on Tuesday to close the old bridge to traffic, citing cracks that \
                    engineers found in its supports during an inspection last month.</p>"
            .repeat(6);
        let html = format!(
            "<html><head><title>Bridge closes | Town News</title><script>track()</script></head><body>\
             <nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav>\
             <article><h1>Bridge closes</h1>{body}<p>See <a href='/report.pdf'>the report</a>.</p></article>\
             <footer>Copyright Town News. <a href='/privacy'>Privacy</a></footer></body></html>"
        );
        let text = extract_full_text(&html, Some("https://town.example/news/bridge")).unwrap();
        assert!(text.paragraphs.iter().any(|p| p.starts_with("The council voted on Tuesday")));
        assert!(text.paragraphs.iter().all(|p| !p.contains("Privacy") && !p.contains("track()")));
        assert!(text.links.contains(&"https://town.example/report.pdf".to_string()), "{:?}", text.links);
    }

    #[test]
    fn a_page_without_an_article_says_so() {
        assert_eq!(extract_full_text("<html><body></body></html>", None), Err(FullTextError::NoArticle));
    }
}
