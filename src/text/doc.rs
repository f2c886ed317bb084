//! The article as a list of blocks, in the order the article pane shows them.

use std::sync::OnceLock;

use crate::article::Article;

/// What a block is, so the view can style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Title,
    Deck,
    Dateline,
    Byline,
    Paragraph,
    Credit,
    Rights,
    /// An empty line between blocks.
    Blank,
}

/// One unwrapped piece of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
}

/// The article pane's text: headline, deck, dateline, byline, paragraphs, credits, rights.
#[derive(Debug, Default)]
pub struct Doc {
    pub blocks: Vec<Block>,
    /// Case-folded copies of the blocks for case-insensitive search, made on first use.
    folded: OnceLock<Vec<String>>,
}

impl Doc {
    #[must_use]
    pub fn new(blocks: Vec<Block>) -> Self {
        Self { blocks, folded: OnceLock::new() }
    }

    /// The document an article shows.
    #[must_use]
    pub fn from_article(article: &Article) -> Self {
        let mut blocks = Vec::with_capacity(article.paragraphs.len() * 2 + 8);
        let mut push = |kind, text: &str| blocks.push(Block { kind, text: text.to_string() });
        push(BlockKind::Title, &article.title);
        if let Some(deck) = &article.deck {
            push(BlockKind::Deck, deck);
        }
        if let Some(dateline) = &article.dateline {
            push(BlockKind::Dateline, &dateline.display());
        }
        if let Some(byline) = &article.byline {
            push(BlockKind::Byline, &format!("By {byline}"));
        }
        for paragraph in &article.paragraphs {
            push(BlockKind::Blank, "");
            push(BlockKind::Paragraph, paragraph);
        }
        for (i, credit) in article.credits.iter().enumerate() {
            if i == 0 {
                push(BlockKind::Blank, "");
            }
            push(BlockKind::Credit, credit);
        }
        if let Some(rights) = &article.rights {
            push(BlockKind::Blank, "");
            push(BlockKind::Rights, rights);
        }
        Self::new(blocks)
    }

    /// The blocks folded to lower case, byte for byte aligned with the originals.
    pub fn folded(&self) -> &[String] {
        self.folded.get_or_init(|| self.blocks.iter().map(|b| fold(&b.text)).collect())
    }

    /// Total bytes of text.
    #[must_use]
    pub fn len(&self) -> usize {
        self.blocks.iter().map(|b| b.text.len()).sum()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.blocks.iter().all(|b| b.text.is_empty())
    }
}

/// Lower case where that keeps every character's UTF-8 length, so that byte offsets in the folded
/// text are offsets in the original.
#[must_use]
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_keeps_byte_offsets() {
        for text in ["Hello WORLD", "İstanbul ÀÉÎ", "ẞ straße ΣΑΣ", "박근혜 Park"] {
            let folded = fold(text);
            assert_eq!(folded.len(), text.len(), "{text}");
            assert!(text.char_indices().all(|(i, _)| folded.is_char_boundary(i)));
        }
        assert_eq!(fold("ÀÉÎ Park"), "àéî park");
    }

    #[test]
    fn document_order() {
        let article = Article {
            title: "T".into(),
            dateline: Some(crate::article::Dateline {
                place: Some("SEOUL".into()),
                date: None,
                agency: Some("Yonhap".into()),
            }),
            byline: Some("Jo Lee".into()),
            paragraphs: vec!["P1".into(), "P2".into()],
            credits: vec!["C".into()],
            rights: Some("R".into()),
            ..Article::default()
        };
        let doc = Doc::from_article(&article);
        let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["T", "SEOUL (Yonhap)", "By Jo Lee", "", "P1", "", "P2", "", "C", "", "R"]);
    }
}
