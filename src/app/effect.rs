//! What an update asks of the world outside the state: the runner hands these to workers (the
//! library on disk), which report back as events. The state never waits for them.

use crate::article::ArticleId;
use crate::store::{PeopleSort, PersonId, PersonPage, PersonRow};

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
    // The people view and a person's page (`app::people_view`, `app::person_page`). `ask`
    // numbers the question, so an answer to one asked before a newer one is dropped.
    /// `limit` people from `offset` whose names contain `filter`, in `sort` order; with
    /// `count`, how many there are in all too.
    People { ask: u64, filter: String, sort: PeopleSort, offset: usize, limit: usize, count: bool },
    /// A person's page.
    Person { ask: u64, id: PersonId },
    /// `merge` (called `name`) becomes part of `keep` (called `keep_name`), in the library.
    MergePeople { keep: PersonId, keep_name: String, merge: PersonId, name: String },
    /// The articles that call `person` `name` become a person of their own, in the library.
    SplitPerson { person: PersonId, name: String },
}

/// What the library answered to a [`Request`], handed to [`App::answer`](super::App::answer).
/// A failure is the library's message, for the status bar.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    // The people view and a person's page.
    People {
        ask: u64,
        offset: usize,
        rows: Result<Vec<PersonRow>, String>,
        total: Option<usize>,
    },
    Person {
        ask: u64,
        page: Result<Option<PersonPage>, String>,
    },
    /// Whether the merge was made (false: one of them is gone, or they were one already).
    Merged {
        keep: PersonId,
        keep_name: String,
        name: String,
        result: Result<bool, String>,
    },
    /// The new person's id (`None`: no such person, or the name is their own).
    Split {
        person: PersonId,
        name: String,
        result: Result<Option<PersonId>, String>,
    },
}
