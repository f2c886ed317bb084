//! Articles: the model, and reading plain-text news into it.

mod model;

pub use model::{Article, Dateline};
