//! OPML, the subscription list other feed readers import and export.
//!
//! Import reads every `<outline>` with an `xmlUrl`; the outlines it sits in (folders in most
//! readers) and its `category` attribute become tags. Export writes one flat outline per feed
//! with the tags in `category`, which is how the tags survive a round trip.

use quick_xml::Reader;
use quick_xml::escape::escape;
use quick_xml::events::{BytesStart, Event};

use super::charset::{declare_utf8, to_utf8};
use super::html::clean_line;
use super::urls::Subscription;
use crate::article::sanitize;

/// Why an OPML file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpmlError {
    #[error("{file}: not OPML: {reason}")]
    Malformed { file: String, reason: String },
}

/// The feeds of an OPML document; `file` names it in errors. Outlines with a URL that is not
/// http(s) are left out.
///
/// # Errors
/// [`OpmlError`] when the XML is broken or there is no `<opml>` root.
pub fn import_opml(bytes: &[u8], file: &str) -> Result<Vec<Subscription>, OpmlError> {
    let malformed = |reason: String| OpmlError::Malformed { file: file.to_string(), reason };
    let text = to_utf8(bytes, None);
    let text = declare_utf8(&text);
    let mut reader = Reader::from_str(&text);
    let mut feeds = Vec::new();
    // The folders we are in: each open outline's name, or None for a feed outline.
    let mut folders: Vec<Option<String>> = Vec::new();
    let mut saw_root = false;
    loop {
        let event = reader.read_event().map_err(|e| malformed(sanitize(&e.to_string())))?;
        match event {
            Event::Start(ref tag) | Event::Empty(ref tag) => {
                let name = tag.local_name();
                let empty = matches!(event, Event::Empty(_));
                if name.as_ref() == "opml" {
                    saw_root = true;
                } else if name.as_ref() == "outline" {
                    let outline = Outline::read(tag);
                    let is_feed = outline.xml_url.is_some();
                    if let Some(url) = outline.xml_url.as_deref().map(str::trim)
                        && (url.starts_with("http://") || url.starts_with("https://"))
                    {
                        let mut tags: Vec<String> = folders.iter().flatten().cloned().collect();
                        for tag in outline.category.iter().flat_map(|c| c.split([',', '/'])) {
                            let tag = sanitize(tag.trim());
                            if !tag.is_empty() && !tags.contains(&tag) {
                                tags.push(tag);
                            }
                        }
                        let title = outline
                            .title
                            .clone()
                            .or_else(|| outline.text.clone())
                            .map(|t| clean_line(&t))
                            .filter(|t| !t.is_empty());
                        feeds.push(Subscription { url: url.to_string(), tags, title, line: 0 });
                    }
                    if !empty {
                        let folder = (!is_feed).then(|| outline.text_or_title()).flatten();
                        folders.push(folder.map(|f| clean_line(&f)).filter(|f| !f.is_empty()));
                    }
                }
            }
            Event::End(tag) if tag.local_name().as_ref() == "outline" => {
                folders.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_root {
        return Err(malformed("no <opml> element".to_string()));
    }
    Ok(feeds)
}

struct Outline {
    xml_url: Option<String>,
    text: Option<String>,
    title: Option<String>,
    category: Option<String>,
}

impl Outline {
    fn read(tag: &BytesStart<'_>) -> Self {
        let mut outline = Self { xml_url: None, text: None, title: None, category: None };
        for attribute in tag.attributes().flatten() {
            let Ok(value) = attribute.normalized_value(quick_xml::XmlVersion::Implicit1_0) else { continue };
            let value = Some(value.into_owned());
            match attribute.key.local_name().as_ref() {
                "xmlUrl" | "xmlurl" => outline.xml_url = value,
                "text" => outline.text = value,
                "title" => outline.title = value,
                "category" => outline.category = value,
                _ => {}
            }
        }
        outline
    }

    fn text_or_title(&self) -> Option<String> {
        self.text.clone().or_else(|| self.title.clone())
    }
}

/// An OPML 2.0 document listing `feeds`, tags in `category`.
#[must_use]
pub fn export_opml(feeds: &[Subscription]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n    <title>cyberreader subscriptions</title>\n  </head>\n  <body>\n",
    );
    for feed in feeds {
        let name = feed.title.as_deref().unwrap_or(&feed.url);
        out.push_str(&format!(
            "    <outline type=\"rss\" text=\"{}\" title=\"{}\" xmlUrl=\"{}\"",
            escape(name),
            escape(name),
            escape(&feed.url)
        ));
        // Commas separate categories, so a tag holding one cannot be written as it is.
        let tags: Vec<String> = feed.tags.iter().map(|t| t.replace(',', " ")).collect();
        if !tags.is_empty() {
            out.push_str(&format!(" category=\"{}\"", escape(tags.join(","))));
        }
        out.push_str("/>\n");
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPML: &str = r#"<?xml version="1.0" encoding="ISO-8859-1"?>
<opml version="1.0"><head><title>Mine</title></head><body>
  <outline text="News">
    <outline text="Wire &amp; World" type="rss" xmlUrl="https://wire.example/rss?a=1&amp;b=2" category="/agencies,asia"/>
    <outline text="Sub"><outline text="Deep" xmlUrl="https://deep.example/atom"/></outline>
  </outline>
  <outline text="Loose" xmlUrl="http://loose.example/feed.json"></outline>
  <outline text="Script" xmlUrl="exec:rm -rf ~"/>
</body></opml>"#;

    #[test]
    fn folders_and_categories_become_tags() {
        let feeds = import_opml(OPML.as_bytes(), "subs.opml").unwrap();
        let got: Vec<(&str, Vec<&str>, Option<&str>)> = feeds
            .iter()
            .map(|f| (f.url.as_str(), f.tags.iter().map(String::as_str).collect(), f.title.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("https://wire.example/rss?a=1&b=2", vec!["News", "agencies", "asia"], Some("Wire & World")),
                ("https://deep.example/atom", vec!["News", "Sub"], Some("Deep")),
                ("http://loose.example/feed.json", vec![], Some("Loose")),
            ]
        );
    }

    #[test]
    fn export_then_import_keeps_urls_tags_and_titles() {
        let feeds = vec![
            Subscription {
                url: "https://a.example/x?q=1&r=<2>".into(),
                tags: vec!["world news".into(), "a\"b".into()],
                title: Some("A & B".into()),
                line: 1,
            },
            Subscription { url: "https://b.example/y".into(), tags: vec![], title: None, line: 2 },
        ];
        let back = import_opml(export_opml(&feeds).as_bytes(), "out.opml").unwrap();
        assert_eq!(back[0].url, feeds[0].url);
        assert_eq!(back[0].tags, feeds[0].tags);
        assert_eq!(back[0].title, feeds[0].title);
        assert_eq!(back[1].url, "https://b.example/y");
        assert!(back[1].tags.is_empty());
    }

    #[test]
    fn broken_or_foreign_xml_names_the_file() {
        let err = import_opml(b"<rss><channel></channel></rss>", "x.opml").unwrap_err();
        assert_eq!(err.to_string(), "x.opml: not OPML: no <opml> element");
        assert!(
            import_opml(b"<opml><body><outline></body>", "y.opml")
                .unwrap_err()
                .to_string()
                .starts_with("y.opml: not OPML: ")
        );
    }
}
