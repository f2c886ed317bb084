//! Text as the article pane shows it: the document, its wrapping, and search over it. No terminal
//! here; everything is byte ranges into the document's blocks.

mod doc;
mod live;
mod search;
mod wrap;

pub use doc::{Block, BlockKind, Doc};
pub use live::LiveSearch;
pub use search::{Match, find, find_words, is_case_sensitive};
pub use wrap::{Row, Wrapped, columns, is_joined_emoji, is_plain_ascii, wrap_doc, wrap_text};
