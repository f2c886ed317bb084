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
    /// Fetch feeds in the background; news of it comes back as [`Answer::Fetch`].
    Fetch(super::feeds_fetch::FetchJob),
}

/// What a screen asks of the library (see [`Effect::Ask`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// The feeds view's feeds: the subscriptions of the urls file at `urls` (for tags and
    /// titles) and what the library knows of every feed.
    Feeds { urls: Option<std::path::PathBuf> },
}

/// What the library answered to a [`Request`], handed to [`App::answer`](super::App::answer).
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Feeds(super::feeds::FeedsOverview),
    /// How a background fetch goes (from the fetching thread, not the library worker).
    Fetch(super::feeds_fetch::FetchNews),
}
