//! What drives the reader: the events that wake it, where they come from (the terminal, signals,
//! background work), and how the terminal's bytes become events. The loop itself is
//! [`crate::run`].

pub mod event;
pub mod fetcher;
pub mod input;
pub mod outside;
pub mod store_worker;
pub mod tty;

pub use event::{AppEvent, ChannelEvents, EventSource, Notifier, Scripted, channel};
