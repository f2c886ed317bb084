//! cyberreader: a terminal news reader that knows who is in the story.
//!
//! The library holds everything; `main.rs` only parses arguments and hands over. Domain code
//! (`article`, `people`, `text`) has no terminal in it; `app` is the state and its updates; `ui`
//! draws the state; `run` is the event loop.

pub mod article;
pub mod json;
pub mod people;
pub mod text;
