//! What the user can ask for, whatever key or mouse event asked it, and the names actions go by
//! in the config file and the help.

/// One thing to do to the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    /// `q`: close an overlay (later, a screen); in the reader, quit.
    Back,
    /// Up/down in the focused pane.
    Up,
    Down,
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    Top,
    Bottom,
    FocusNext,
    FocusPrev,
    /// Enter: list → read the article; people → list the articles that name them.
    Open,
    /// Esc: close an overlay, clear the search or the person filter.
    Cancel,
    StartSearch,
    NextMatch,
    PrevMatch,
    ToggleSidebar,
    ShowQuotes,
    ToggleHelp,
    /// The article alone, the whole width, and back.
    Zoom,
    NextArticle,
    PrevArticle,
    NextUnread,
    PrevUnread,
    /// Space: a page down, and at the end of the article the next unread one.
    ReadOn,
    /// Mark the selected article read, or unread again.
    ToggleRead,
    /// Star the selected article, or take its star off.
    ToggleStar,
    /// Mark every article in the list read.
    MarkListRead,
    /// Delete (hide) the selected article from the list.
    DeleteArticle,
    /// Take back the last "mark the list read" or delete.
    Undo,
    /// Show all articles, the unread ones, or the starred ones.
    CycleShow,
    /// Newest first, oldest first, by headline.
    CycleSort,
    /// The people view: everyone in the library (from any screen).
    PeopleView,
    /// In the people view: mark a person; on another, merge that one into the marked one.
    MarkPerson,
    /// On a person's page: the name under the cursor becomes a person of its own.
    SplitName,
    /// Search the whole library (a screen of its own).
    LibrarySearch,
    /// Keep the library search typed, listed when the query is empty.
    SaveSearch,
    /// Narrow the reader's list to what a library search finds.
    FilterList,
    /// The whole library, and back to the files the reader was started with.
    ToggleLibrary,
    /// The feeds view: feeds by tag, unread counts, errors.
    Feeds,
    /// Fetch the selected feed (in the reader, the shown article's).
    FetchFeed,
    /// Fetch every feed.
    FetchAll,
    // Taking the article out of the reader (feedfiles).
    /// Open the article's link in the browser; with a count N, the Nth link it lists.
    OpenLink,
    /// Pipe the article's text to a command typed at a prompt.
    PipeArticle,
    /// Save the article's text to a file named at a prompt.
    SaveArticle,
    /// Fetch the full text of the article's page.
    FullText,
    /// A digit of a count typed before a move ("20j", "5n", "30G").
    Digit(u8),
    // Editing the search query.
    Insert(char),
    Backspace,
    Delete,
    ClearQuery,
    CursorLeft,
    CursorRight,
    CursorHome,
    CursorEnd,
    Accept,
    // The mouse, at a screen cell.
    ScrollUpAt(u16, u16),
    ScrollDownAt(u16, u16),
    ClickAt(u16, u16),
    Resize(u16, u16),
}

/// An action a key can be bound to: its name in the config file and what the help says of it.
#[derive(Debug)]
pub struct ActionDef {
    pub action: Action,
    pub name: &'static str,
    pub help: &'static str,
}

const fn def(action: Action, name: &'static str, help: &'static str) -> ActionDef {
    ActionDef { action, name, help }
}

/// Every action a key can be bound to, in the order help lists them.
pub const ACTIONS: &[ActionDef] = &[
    def(Action::Down, "down", "move down / scroll down"),
    def(Action::Up, "up", "move up / scroll up"),
    def(Action::PageDown, "page-down", "page down"),
    def(Action::PageUp, "page-up", "page up"),
    def(Action::HalfPageDown, "half-page-down", "half a page down"),
    def(Action::HalfPageUp, "half-page-up", "half a page up"),
    def(Action::Top, "top", "first article / top"),
    def(Action::Bottom, "bottom", "last article / bottom"),
    def(Action::ReadOn, "read-on", "page down; at the end, the next unread article"),
    def(Action::NextArticle, "next-article", "next article"),
    def(Action::PrevArticle, "previous-article", "previous article"),
    def(Action::NextUnread, "next-unread", "next unread article"),
    def(Action::PrevUnread, "previous-unread", "previous unread article"),
    def(Action::FocusNext, "next-pane", "next pane"),
    def(Action::FocusPrev, "previous-pane", "previous pane"),
    def(Action::Open, "open", "read the article; on a person, list their articles"),
    def(Action::StartSearch, "search", "search the article"),
    def(Action::NextMatch, "next-match", "next match (or mention)"),
    def(Action::PrevMatch, "previous-match", "previous match (or mention)"),
    def(Action::ShowQuotes, "quotes", "quotes of the selected person"),
    def(Action::ToggleSidebar, "sidebar", "show / hide the people sidebar"),
    def(Action::Zoom, "zoom", "the article alone, the whole width (and back)"),
    def(Action::ToggleRead, "toggle-read", "mark the article read / unread"),
    def(Action::ToggleStar, "toggle-star", "star the article / take the star off"),
    def(Action::MarkListRead, "mark-list-read", "mark every article in the list read"),
    def(Action::DeleteArticle, "delete-article", "delete the article from the list"),
    def(Action::Undo, "undo", "undo the last mark-all-read or delete"),
    def(Action::CycleShow, "cycle-show", "list: all, unread, starred articles"),
    def(Action::CycleSort, "cycle-sort", "order: newest first, oldest first, by headline"),
    def(Action::PeopleView, "people-view", "everyone in the library: the people view"),
    def(Action::MarkPerson, "mark-person", "mark a person; on another, merge it into the marked one"),
    def(Action::SplitName, "split-name", "make the name under the cursor a person of its own"),
    def(Action::LibrarySearch, "library-search", "search the whole library"),
    def(Action::SaveSearch, "save-search", "save this search (chosen again when the query is empty)"),
    def(Action::FilterList, "filter-list", "the reader's list: only what this search finds (Esc shows all)"),
    def(Action::ToggleLibrary, "library", "the whole library (and back to the files opened)"),
    def(Action::Feeds, "feeds", "the feeds view: feeds by tag, unread counts, errors"),
    def(Action::FetchFeed, "fetch-feed", "fetch this article's feed, in the background"),
    def(Action::FetchAll, "fetch-all", "fetch every feed, in the background"),
    def(Action::OpenLink, "open-link", "open the link in the browser (3O: listed link [3])"),
    def(Action::PipeArticle, "pipe", "pipe the article's text to a command"),
    def(Action::SaveArticle, "save", "save the article's text to a file"),
    def(Action::FullText, "full-text", "fetch the full text of the article's page"),
    def(Action::Accept, "accept", "keep the search"),
    def(Action::Cancel, "cancel", "clear the search, then the person or feed filter"),
    def(Action::ToggleHelp, "help", "this help"),
    def(Action::Backspace, "backspace", "delete before the cursor"),
    def(Action::Delete, "delete", "delete under the cursor"),
    def(Action::ClearQuery, "clear-query", "clear the query"),
    def(Action::CursorLeft, "cursor-left", "cursor left"),
    def(Action::CursorRight, "cursor-right", "cursor right"),
    def(Action::CursorHome, "cursor-home", "cursor to start"),
    def(Action::CursorEnd, "cursor-end", "cursor to end"),
    def(Action::Back, "back", "close; in the reader, quit"),
    def(Action::Quit, "quit", "quit"),
];

impl Action {
    /// The action a config file names.
    #[must_use]
    pub fn named(name: &str) -> Option<Self> {
        ACTIONS.iter().find(|d| d.name == name).map(|d| d.action)
    }

    /// The definition of a bindable action.
    #[must_use]
    pub fn def(self) -> Option<&'static ActionDef> {
        ACTIONS.iter().find(|d| d.action == self)
    }
}
