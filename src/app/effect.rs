//! What an update asks of the world outside the state: the runner hands these to workers (the
//! library on disk), which report back as events. The state never waits for them.

use crate::article::ArticleId;
use crate::sources::feed::FullText;

use super::state::Anchor;

/// One thing to do outside the state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// The article was read, or marked unread.
    SetRead { id: ArticleId, read: bool },
    /// The article was starred, or its star removed.
    SetStarred { id: ArticleId, starred: bool },
    /// The article was deleted from the list (it stays in the library, hidden), or brought back.
    SetHidden { id: ArticleId, hidden: bool },
    /// The article's reading position moved (the runner may keep only the latest per article).
    SavePosition { id: ArticleId, position: Anchor },
    /// A question for the library; the answer comes back as an [`Answer`].
    Ask(Request),
    // Leaving the reader (feedfiles): the runner does these and answers with an [`Answer`].
    /// Open `url` in the browser (`$BROWSER`, else the platform's opener).
    OpenUrl(String),
    /// Write `text` to `path` (relative to the current directory); an existing file is replaced
    /// only when `overwrite`.
    SaveText { path: String, text: String, overwrite: bool },
    /// Run `command` with `sh -c`, `text` on its standard input, the terminal lent to it.
    Pipe { command: String, text: String },
    /// Fetch the page at `url` and extract the article `id`'s full text.
    FetchFullText { id: ArticleId, url: String },
    /// Keep the full text fetched for `id` in the library.
    StoreFullText { id: ArticleId, text: FullText },
}

/// What a screen asks of the library (see [`Effect::Ask`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// The full text kept for `id`, if any; `url` is where to fetch it otherwise (feedfiles).
    FullText { id: ArticleId, url: String },
}

/// What the library answered to a [`Request`], handed to [`App::answer`](super::App::answer).
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    // feedfiles: full text, and what the runner did outside the reader.
    /// The full text the library keeps for `id` (`None`: fetch it from `url`).
    StoredFullText { id: ArticleId, url: String, text: Option<FullText> },
    /// The full text fetched for `id`, or why there is none.
    FetchedFullText { id: ArticleId, result: Result<FullText, String> },
    /// The browser was started on the URL, or why not.
    Opened(Result<String, String>),
    /// Where the article was written, or why not.
    Saved(Result<String, SaveError>),
    /// The piped command ended: how, in words.
    Piped(Result<String, String>),
}

/// Why an article was not saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// A file is there already (the path as given): ask before replacing it.
    Exists(String),
    /// Anything else, in words that name the file.
    Failed(String),
}
