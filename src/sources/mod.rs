//! Where articles come from besides files: feeds (subscriptions, fetching, parsing).
//!
//! `feed` draws and stores nothing: its functions take bytes and settings and give back values.
//! `commands` are the subscription subcommands, which edit the urls file and fill the library.

pub mod commands;
pub mod feed;
