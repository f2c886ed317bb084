//! What the user can ask for, whatever key or mouse event asked it.

/// One thing to do to the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
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
