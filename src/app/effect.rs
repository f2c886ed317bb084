//! What an update asks of the world outside the state: the runner hands these to workers (the
//! library on disk), which report back as events. The state never waits for them.

use crate::article::ArticleId;

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
}

/// What a screen asks of the library (see [`Effect::Ask`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Every article of the library with its people and state, for `L` (hidden ones left out).
    Library,
}

/// What the library answered to a [`Request`], handed to [`App::answer`](super::App::answer).
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// The library's articles (oldest first), or why they could not be read.
    Library(Result<std::sync::Arc<Vec<crate::store::StoredArticle>>, String>),
}
