//! Where articles come from besides files: feeds (subscriptions, fetching, parsing).
//!
//! Nothing here draws or stores: the functions take bytes and settings and give back values, for
//! the command line and the background workers to call.

pub mod feed;
