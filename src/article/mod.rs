//! Articles: the model, and reading plain-text news into it.

mod date;
mod dateline;
mod decode;
mod load;
mod model;
mod parse;
mod sanitize;
mod unreliable;

pub use date::{article_date, show_date};
pub use dateline::split_dateline;
pub use decode::{Encoding, NotText, decode};
pub use load::{Library, LoadError, MAX_FILE_BYTES, Problem, load_bundled, load_paths};
pub use model::{Article, ArticleId, Dateline};
pub use parse::parse;
pub use sanitize::{is_pictographic, is_removed, is_unreliable, sanitize};
