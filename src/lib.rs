//! cyberreader: a terminal news reader that knows who is in the story.
//!
//! The library holds everything; `main.rs` only hands over to [`cli::main`]. Domain code
//! (`article`, `people`, `text`) has no terminal in it; `app` is the state and its updates; `ui`
//! draws the state; `run` is the event loop, generic over backend and event source; `terminal`
//! takes the terminal over and always gives it back.

pub mod app;
pub mod article;
pub mod cli;
pub mod config;
pub mod json;
pub mod keys;
pub mod output;
pub mod people;
pub mod run;
pub mod runtime;
pub mod ship;
pub mod sources;
pub mod store;
pub mod terminal;
pub mod text;
pub mod ui;
