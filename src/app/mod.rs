//! The reader's state and how it changes. Nothing here knows of the terminal: events become
//! [`Action`]s in [`keymap`], and [`App::update`] applies them.

mod action;
mod collection;
mod dwell;
mod effect;
mod feeds;
mod feeds_fetch;
mod flow;
pub mod keymap;
mod layout;
pub mod library;
mod list;
mod outward;
pub mod overlay;
mod people;
pub mod people_view;
pub mod person_page;
mod screen;
mod search;
mod search_open;
pub mod search_screen;
mod state;
mod texts;
mod update;

pub use action::{ACTIONS, Action, ActionDef};
pub use collection::Collection;
pub use dwell::DEFAULT_READ_AFTER;
pub use effect::{Answer, Effect, Request, SaveError};
pub use feeds::{FeedRow, FeedSources, FeedsOverview, FeedsScreen, RowKind, UNTAGGED, feed_rows};
pub use feeds_fetch::{FetchJob, FetchNews, FetchWhich};
pub use layout::{
    Align, DEFAULT_MAX_WIDTH, MIN_HEIGHT, MIN_WIDTH, PaneRects, Panes, Reading, SidebarPref, article_text_area, inner,
    layout,
};
pub use list::{Show, SortOrder};
pub use outward::{article_text, file_name};
pub use screen::Screen;
pub use state::{
    Anchor, App, ArticleView, Focus, ListFilter, Message, MessageKind, Mode, PromptInput, PromptKind, SearchInput,
    SearchKind, SearchState,
};

#[cfg(test)]
mod tests;
