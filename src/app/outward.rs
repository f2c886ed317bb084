//! Taking an article out of the reader: `O` opens its link in the browser (`3O` its third
//! listed link), `|` pipes its text to a command, `w` saves it to a file, `x` fetches its full
//! text. The state only asks (see [`Effect`]); the runner does the work and answers, and the
//! answer becomes a message in the status bar.

use crate::article::{Article, ArticleId};
use crate::sources::feed::FullText;
use crate::text::Doc;

use super::action::Action;
use super::effect::{Answer, Effect, Request, SaveError};
use super::search::{next_grapheme, previous_grapheme};
use super::state::{App, Mode, PromptInput, PromptKind};

/// The longest default file name made from a headline, before `.txt`.
const NAME_CHARS: usize = 60;

impl App {
    /// `O`: the article's link in the browser; with a count N, the Nth link its text lists.
    pub(super) fn open_link(&mut self, count: Option<usize>) {
        // The article's own link is in the list's copy: its text need not have come.
        let header = self.shown().and_then(|i| self.articles.get(i)).filter(|_| count.is_none());
        let Some(article) = self.shown_article().or(header) else { return self.no_article("No article to open") };
        let url = match count {
            Some(n) => match listed_links(article).get(n.wrapping_sub(1)) {
                Some(url) => url.clone(),
                None => {
                    let listed = listed_links(article).len();
                    return self.info(format!("No link [{n}]: the article lists {listed}"));
                }
            },
            None => match &article.link {
                Some(link) => link.clone(),
                None => return self.info("This article has no link (it came from a file)".to_string()),
            },
        };
        self.push_effect(Effect::OpenUrl(url));
    }

    /// `|` and `w`: the prompt for a command or a file name (a name made from the headline).
    pub(super) fn start_prompt(&mut self, kind: PromptKind) {
        let Some(article) = self.shown_article() else { return self.no_article("No article") };
        let text = if kind == PromptKind::Save { file_name(&article.title) } else { String::new() };
        let cursor = text.len();
        self.mode = Mode::Prompt(PromptInput { kind, text, cursor });
    }

    pub(super) fn update_prompt(&mut self, action: Action) {
        let Mode::Prompt(input) = &mut self.mode else { return };
        match action {
            Action::Insert(c) => {
                input.text.insert(input.cursor, c);
                input.cursor += c.len_utf8();
            }
            Action::Backspace => {
                let at = previous_grapheme(&input.text, input.cursor);
                input.text.replace_range(at..input.cursor, "");
                input.cursor = at;
            }
            Action::Delete => {
                let end = next_grapheme(&input.text, input.cursor);
                input.text.replace_range(input.cursor..end, "");
            }
            Action::ClearQuery => {
                input.text.clear();
                input.cursor = 0;
            }
            Action::CursorLeft => input.cursor = previous_grapheme(&input.text, input.cursor),
            Action::CursorRight => input.cursor = next_grapheme(&input.text, input.cursor),
            Action::CursorHome => input.cursor = 0,
            Action::CursorEnd => input.cursor = input.text.len(),
            Action::Cancel => self.mode = Mode::Normal,
            Action::Accept => self.accept_prompt(),
            _ => {}
        }
    }

    fn accept_prompt(&mut self) {
        let Mode::Prompt(input) = std::mem::take(&mut self.mode) else { return };
        let Some(text) = self.shown_article().map(article_text) else { return self.no_article("No article") };
        let typed = input.text.trim().to_string();
        match input.kind {
            PromptKind::Pipe if typed.is_empty() => self.info("No command: nothing piped".to_string()),
            PromptKind::Pipe => self.push_effect(Effect::Pipe { command: typed, text }),
            PromptKind::Save if typed.is_empty() => self.info("No file name: nothing saved".to_string()),
            PromptKind::Save => self.push_effect(Effect::SaveText { path: typed, text, overwrite: false }),
            PromptKind::Overwrite { path } if matches!(typed.to_lowercase().as_str(), "y" | "yes") => {
                self.push_effect(Effect::SaveText { path, text, overwrite: true });
            }
            PromptKind::Overwrite { path } => self.info(format!("Not saved: {path} is left as it was")),
        }
    }

    /// `x`: the full text of the shown article, from the library if it keeps it, else fetched.
    pub(super) fn full_text(&mut self) {
        let Some(article) = self.shown_article() else { return self.no_article("No article") };
        if self.full_text.contains(&article.id) {
            return self.info("This is the full text already".to_string());
        }
        let Some(url) = article.link.clone() else {
            return self.info("This article has no link to fetch the full text from".to_string());
        };
        let id = article.id.clone();
        self.info(format!("Fetching the full text from {url}…"));
        self.push_effect(Effect::Ask(Request::FullText { id, url }));
    }

    /// What the runner or the library answered to one of the above.
    pub(super) fn answer_outward(&mut self, answer: Answer) {
        match answer {
            Answer::StoredFullText { id, text: Some(text), .. } => self.show_full_text(&id, text),
            Answer::StoredFullText { id, url, text: None } => self.push_effect(Effect::FetchFullText { id, url }),
            Answer::FetchedFullText { id, result: Ok(text) } => {
                self.show_full_text(&id, text.clone());
                self.push_effect(Effect::StoreFullText { id, text });
            }
            Answer::FetchedFullText { result: Err(why), .. } => self.warn(format!("No full text: {why}")),
            Answer::Opened(Ok(url)) => self.info(format!("Opened {url}")),
            Answer::Opened(Err(why)) | Answer::Piped(Err(why)) => self.warn(why),
            Answer::Piped(Ok(how)) => self.info(how),
            Answer::Saved(Ok(path)) => self.info(format!("Saved to {path}")),
            Answer::Saved(Err(SaveError::Exists(path))) => {
                let cursor = 0;
                let kind = PromptKind::Overwrite { path };
                self.mode = Mode::Prompt(PromptInput { kind, text: String::new(), cursor });
            }
            Answer::Saved(Err(SaveError::Failed(why))) => self.warn(why),
            // Another screen's answer: `App::answer` routes it there.
            _ => {}
        }
    }

    /// Puts `text` in place of the article's paragraphs (its headline, byline and dateline
    /// stay), the links it lists at the end.
    fn show_full_text(&mut self, id: &ArticleId, text: FullText) {
        let Some(&i) = self.by_id.get(id) else { return };
        let with_text = |article: &mut Article| {
            article.paragraphs = text.shown_paragraphs();
            article.links = text.links.clone();
            if article.byline.is_none() {
                article.byline.clone_from(&text.byline);
            }
            // The sidebar names who the full text names, as the library now does.
            crate::people::extract_with_mentions(article)
        };
        if self.articles.get(i).is_some_and(|a| a.text_in_library) {
            // The copy with the text: the list's has none.
            let Some(loaded) = self.texts.get_mut(id) else { return };
            loaded.people = with_text(&mut loaded.article);
        } else {
            let Some(article) = std::sync::Arc::make_mut(&mut self.articles).get_mut(i) else { return };
            let people = with_text(article);
            if let Some(cell) = std::sync::Arc::make_mut(&mut self.people).get_mut(i) {
                *cell = std::sync::OnceLock::from(people);
            }
            // Everyone across the articles changed with them.
            self.index = std::sync::OnceLock::new();
        }
        self.full_text.insert(id.clone());
        // Built again from the new text.
        if self.current.as_ref().is_some_and(|c| c.article == i) {
            self.current = None;
            self.sync();
        }
        if self.shown() == Some(i) {
            self.info("The full text".to_string());
        }
    }

    /// Says why there is no article to act on: none shown, or its text still on its way.
    fn no_article(&mut self, none: &str) {
        let text = if self.text_loading() {
            "The article is still loading"
        } else if self.text_missing() {
            "This article's text could not be read from the library"
        } else {
            none
        };
        self.info(text.to_string());
    }

    /// The shown article whole; not the stand-in of one whose text could not be read.
    fn shown_article(&self) -> Option<&Article> {
        self.shown().filter(|_| !self.text_missing()).and_then(|i| self.text_of(i))
    }
}

/// The links an article lists at its end (`[N] URL` after a `Links:` paragraph): its `links`,
/// or read back from the text when the library kept only that.
fn listed_links(article: &Article) -> Vec<String> {
    if !article.links.is_empty() {
        return article.links.clone();
    }
    let Some(start) = article.paragraphs.iter().rposition(|p| p == "Links:") else { return Vec::new() };
    article.paragraphs[start + 1..]
        .iter()
        .enumerate()
        .map_while(|(i, p)| p.strip_prefix(&format!("[{}] ", i + 1)).map(str::to_string))
        .collect()
}

/// The article as plain text, as the pane shows it: headline, deck, dateline, byline,
/// paragraphs, credits and rights, a blank line between paragraphs; then its link.
#[must_use]
pub fn article_text(article: &Article) -> String {
    let doc = Doc::from_article(article);
    let mut text: String = doc.blocks.iter().map(|b| format!("{}\n", b.text)).collect();
    if let Some(link) = &article.link {
        text.push_str(&format!("\n{link}\n"));
    }
    text
}

/// A file name from a headline: its letters and digits, words joined by `-`, lower case, at
/// most [`NAME_CHARS`] characters, then `.txt` ("article.txt" when nothing is left).
#[must_use]
pub fn file_name(title: &str) -> String {
    let words: Vec<String> =
        title.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    let mut name = String::new();
    for word in words {
        if name.chars().count() + word.chars().count() + 1 > NAME_CHARS {
            break;
        }
        if !name.is_empty() {
            name.push('-');
        }
        name.push_str(&word);
    }
    if name.is_empty() {
        name.push_str("article");
    }
    name + ".txt"
}

#[cfg(test)]
#[path = "outward_tests.rs"]
mod tests;
