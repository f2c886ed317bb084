//! The reader's state: plain data, no terminal.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use crate::article::{Article, ArticleId, Library, Problem};
use crate::people::{self, Person, PersonSummary};
use crate::text::{Doc, Match, Wrapped, wrap_doc};

use super::effect::Effect;
use super::keymap::Keymap;
use super::layout::{Panes, Reading, SidebarPref, layout};
use super::list::{Show, SortOrder, Undo};

#[path = "state_add.rs"]
mod add;

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    List,
    Article,
    People,
}

/// A place in the article's text that survives re-wrapping: the top row shown is the row that
/// holds this byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Anchor {
    pub block: u32,
    pub offset: u32,
}

/// What the matches of a search are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchKind {
    /// Typed after `/`.
    Text,
    /// Mentions of a person picked in the sidebar.
    Person,
}

/// A search kept on an article: its matches and which is current.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchState {
    pub query: String,
    pub kind: SearchKind,
    pub matches: Vec<Match>,
    pub current: Option<usize>,
}

/// A query being typed after `/`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchInput {
    pub query: String,
    /// Byte offset of the cursor in `query`, on a character boundary.
    pub cursor: usize,
    /// Where the article was before `/`, to go back to on Esc.
    pub origin: Anchor,
    /// The search the article had before `/`, restored on Esc.
    pub previous: Option<SearchState>,
    /// The matches of `query` as it is typed, kept up to date edit by edit.
    pub live: Box<crate::text::LiveSearch>,
}

/// What the keys are doing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Normal,
    Search(SearchInput),
    Help {
        scroll: u16,
    },
    Quotes {
        scroll: u16,
    },
    /// Typing a command or a file name in the status bar (`|`, `w`).
    Prompt(PromptInput),
}

/// What a line typed in the status bar is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptKind {
    /// A command to pipe the article to.
    Pipe,
    /// A file to save the article in.
    Save,
    /// Whether to replace the file at `path` (y or n).
    Overwrite { path: String },
}

/// A line being typed in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromptInput {
    pub kind: PromptKind,
    pub text: String,
    /// Byte offset of the cursor in `text`, on a character boundary.
    pub cursor: usize,
}

/// Per-article state, kept while the user reads others.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ArticleView {
    pub scroll: Anchor,
    pub search: Option<SearchState>,
    /// Selected person in the sidebar, and the sidebar's first visible person.
    pub person: usize,
    pub people_offset: usize,
    /// The last search made in the article in an earlier session (the library keeps it),
    /// taken as its search when the article is next shown.
    pub saved_query: Option<String>,
}

/// The view of an article not looked at yet.
static UNSEEN: ArticleView = ArticleView {
    scroll: Anchor { block: 0, offset: 0 },
    search: None,
    person: 0,
    people_offset: 0,
    saved_query: None,
};

/// The list narrowed to the articles that name one person, or that a library search finds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListFilter {
    /// The person's name, or the search's query.
    pub person: String,
    pub articles: Vec<usize>,
    /// A library search's articles (a saved search as a virtual feed), not a person's.
    pub search: bool,
    /// Those the library named that the list does not have yet (the rest of the library is
    /// still being read): they join `articles` when they arrive.
    pub waiting: std::collections::HashSet<ArticleId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageKind {
    Info,
    Warning,
}

/// A line for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub kind: MessageKind,
}

/// The displayed article, made ready for drawing: its document and the document wrapped to the
/// article pane's width. Rebuilt only when the article or the width changes.
#[derive(Debug)]
pub struct Current {
    pub article: usize,
    pub doc: Doc,
    pub wrapped: Wrapped,
}

/// Everything the reader knows.
#[derive(Debug)]
pub struct App {
    pub articles: Arc<Vec<Article>>,
    pub problems: Vec<Problem>,
    pub(super) people: Arc<Vec<OnceLock<Vec<Person>>>>,
    /// The article whose people the background extractor should do next (the one shown).
    pub(super) wanted: Arc<AtomicUsize>,
    /// Whether people are extracted by a background thread, so the sidebar shows "finding
    /// people" instead of waiting (the interactive reader); otherwise drawing waits for them
    /// (screenshots and tests, which must be deterministic).
    pub(super) people_in_background: bool,
    pub(super) index: OnceLock<Vec<PersonSummary>>,
    /// Selected position in the (possibly filtered) list, and the first one shown.
    pub selected: usize,
    pub list_offset: usize,
    /// The list narrowed to one person's articles.
    pub filter: Option<ListFilter>,
    /// Which articles the list shows, and in which order.
    pub show: Show,
    pub sort: SortOrder,
    /// The list: load positions of the articles shown, in order.
    pub(super) order: Vec<usize>,
    /// Load positions by id.
    pub(super) by_id: HashMap<ArticleId, usize>,
    /// Articles read, starred and hidden (deleted from the list), by id.
    pub(super) read: HashSet<ArticleId>,
    pub(super) starred: HashSet<ArticleId>,
    pub(super) hidden: HashSet<ArticleId>,
    /// What `u` takes back, the latest last.
    pub(super) undo: Vec<Undo>,
    /// Per-article views, by id; an article not in it has never been looked at.
    pub(super) views: HashMap<ArticleId, ArticleView>,
    /// What must happen outside the state (saving, marking read), taken by the runner.
    effects: Vec<Effect>,
    pub focus: Focus,
    pub mode: Mode,
    /// Screens open above the reader, the shown one last (see [`super::Screen`]).
    pub(super) screens: Vec<super::Screen>,
    /// No library answers this run (files read by a script without `--db`, or a library that
    /// could not be opened at all): the screens that ask it say so instead of waiting.
    pub without_library: bool,
    /// Feeds: where they come from, the list narrowed to one, a fetch under way.
    pub(super) feeds: super::feeds::FeedsState,
    /// The terminal's size at the last draw or resize.
    pub size: (u16, u16),
    /// The time dates are shown relative to ("14:05" today, "Oct 17" this year): set when the
    /// reader starts, and by the runner as time passes, so drawing never reads the clock.
    pub now: chrono::DateTime<chrono::Utc>,
    pub sidebar: SidebarPref,
    pub message: Option<Message>,
    /// The last query searched for in any article: `n` in an article not yet searched, or `/`
    /// with an empty query, looks for it there, as `less` keeps its pattern across files.
    pub last_query: Option<String>,
    /// A count typed before a move, as in less and vim ("20j").
    pub count: Option<usize>,
    pub should_quit: bool,
    pub current: Option<Current>,
    /// The keys in force (the defaults and the user's config).
    pub keymap: Arc<Keymap>,
    /// How the article is laid out: its text's width and place, and whether it is zoomed.
    pub reading: Reading,
    /// Which articles are shown: the files, the whole library, or both one key apart.
    pub(super) collection: super::collection::Collection,
    /// The set of articles not shown (see [`super::collection`]).
    pub(super) shelf: Option<super::collection::Shelf>,
    /// How long an article stays shown to become read; `None`: never by staying.
    pub read_after: Option<std::time::Duration>,
    /// The article shown and since when (see [`App::observe`]).
    pub(super) dwell: Option<super::dwell::Dwell>,
    /// Articles shown with their full text (fetched, or kept by the library), by id.
    pub(super) full_text: HashSet<ArticleId>,
    /// The text and people of articles loaded without them ([`Article::text_in_library`]), read
    /// from the library when first shown; by id, so both sets of [`super::collection`] share them.
    pub(super) texts: HashMap<ArticleId, super::texts::Loaded>,
    /// Texts asked of the library and not answered yet: asked once, however often drawn.
    pub(super) texts_asked: HashSet<ArticleId>,
    /// What to do when the text of the article (by id) arrives: what opening it asked for.
    pub(super) after_text: Option<(ArticleId, super::texts::AfterText)>,
    /// The list is the library's first page; the rest has been asked for.
    pub(super) rest_pending: bool,
    /// End was pressed in the list before the rest of the library came: its end is selected
    /// when it does, unless the selection moved meanwhile.
    pub(super) bottom_after_rest: bool,
    /// The person whose articles the sidebar's Enter asked the library for, until they come
    /// (Esc before then: the answer is dropped).
    pub(super) person_filter_asked: Option<String>,
}

impl App {
    /// The reader on a set of loaded articles, for a terminal of `size`.
    #[must_use]
    pub fn new(mut library: Library, size: (u16, u16)) -> Self {
        let n = library.articles.len();
        let message = problems_message(&library.problems);
        unique_ids(&mut library.articles);
        let by_id = library.articles.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect();
        let mut app = Self {
            people: Arc::new((0..n).map(|_| OnceLock::new()).collect()),
            wanted: Arc::new(AtomicUsize::new(0)),
            people_in_background: false,
            index: OnceLock::new(),
            articles: Arc::new(library.articles),
            problems: library.problems,
            selected: 0,
            list_offset: 0,
            filter: None,
            show: Show::All,
            sort: SortOrder::Newest,
            order: Vec::new(),
            by_id,
            read: HashSet::new(),
            starred: HashSet::new(),
            hidden: HashSet::new(),
            undo: Vec::new(),
            views: HashMap::new(),
            effects: Vec::new(),
            focus: Focus::List,
            mode: Mode::Normal,
            screens: Vec::new(),
            without_library: false,
            feeds: super::feeds::FeedsState::default(),
            size,
            now: chrono::Utc::now(),
            sidebar: SidebarPref::Auto,
            message,
            last_query: None,
            count: None,
            should_quit: false,
            current: None,
            keymap: Arc::new(Keymap::default()),
            reading: Reading::default(),
            collection: super::collection::Collection::default(),
            shelf: None,
            read_after: Some(super::dwell::DEFAULT_READ_AFTER),
            dwell: None,
            full_text: HashSet::new(),
            texts: HashMap::new(),
            texts_asked: HashSet::new(),
            after_text: None,
            rest_pending: false,
            bottom_after_rest: false,
            person_filter_asked: None,
        };
        app.rebuild_list();
        app
    }

    /// How many articles the list shows.
    #[must_use]
    pub fn list_len(&self) -> usize {
        self.order.len()
    }

    /// The article at a list position.
    #[must_use]
    pub fn article_at(&self, position: usize) -> Option<usize> {
        self.order.get(position).copied()
    }

    /// The article shown in the article pane.
    #[must_use]
    pub fn shown(&self) -> Option<usize> {
        self.article_at(self.selected)
    }

    /// Gives articles the people the library kept for them (in load order), so they are not
    /// extracted again. Call before [`App::extract_people_in_background`].
    pub fn set_people(&mut self, people: Vec<Vec<Person>>) {
        for (cell, found) in self.people.iter().zip(people) {
            let _ = cell.set(found);
        }
    }

    /// The people of article `i`, extracted on first use; those of an article whose text is in
    /// the library come with its text (none until then).
    #[must_use]
    pub fn people_of(&self, i: usize) -> &[Person] {
        match (self.people.get(i), self.articles.get(i)) {
            (_, Some(article)) if article.text_in_library => {
                self.texts.get(&article.id).map_or(&[], |t| t.people.as_slice())
            }
            (Some(cell), Some(article)) => cell.get_or_init(|| people::extract_with_mentions(article)),
            _ => &[],
        }
    }

    /// The people of article `i` if they have been extracted (or read from the library) already.
    #[must_use]
    pub fn people_ready(&self, i: usize) -> Option<&[Person]> {
        match self.articles.get(i) {
            Some(article) if article.text_in_library => self.texts.get(&article.id).map(|t| t.people.as_slice()),
            _ => self.people.get(i)?.get().map(Vec::as_slice),
        }
    }

    /// The people the sidebar shows for article `i`: `None` while the background extractor is
    /// still at work on them, or the library has not sent them yet; without an extractor,
    /// extracted now.
    #[must_use]
    pub fn people_to_draw(&self, i: usize) -> Option<&[Person]> {
        if self.people_waited_for(i) { self.people_ready(i) } else { Some(self.people_of(i)) }
    }

    /// Whether the sidebar is waiting for the background extractor or the library.
    #[must_use]
    pub fn people_pending(&self) -> bool {
        self.shown().is_some_and(|i| self.people_waited_for(i) && self.people_ready(i).is_none())
    }

    /// Whether article `i`'s people come from elsewhere (the extractor's thread, the library)
    /// rather than being extracted on this thread when needed.
    fn people_waited_for(&self, i: usize) -> bool {
        self.people_in_background || self.articles.get(i).is_some_and(|a| a.text_in_library)
    }

    /// Article `i` whole: as loaded, or with the text the library sent for it (`None` until then).
    #[must_use]
    pub fn text_of(&self, i: usize) -> Option<&Article> {
        let article = self.articles.get(i)?;
        if article.text_in_library { self.texts.get(&article.id).map(|t| &t.article) } else { Some(article) }
    }

    /// Starts extracting every article's people on a thread of its own, the shown article first
    /// and then in list order, so a huge article never holds up the first screen or a key. Keys
    /// that need people (the sidebar's own) wait for the one article they need. The shown
    /// article's people are extracted here, before the thread starts, when the article is under
    /// [`SMALL_ARTICLE`] bytes: they are then on the very first screen. `ready(i)` is called on
    /// the thread as each article's people are done, so the reader can wake and redraw.
    ///
    /// # Errors
    /// When the thread cannot be started; people are then extracted when first needed.
    /// Dropping the returned handle leaves the thread running.
    pub fn extract_people_in_background(
        &mut self,
        ready: impl Fn(usize) + Send + 'static,
    ) -> std::io::Result<std::thread::JoinHandle<()>> {
        if let Some(shown) =
            self.shown().filter(|&i| !self.articles[i].text_in_library && text_len(&self.articles[i]) < SMALL_ARTICLE)
        {
            let _ = self.people_of(shown);
        }
        let (articles, people, wanted) =
            (Arc::clone(&self.articles), Arc::clone(&self.people), Arc::clone(&self.wanted));
        let worker = std::thread::Builder::new().name("people".into()).spawn(move || {
            let mut next = 0;
            // The people of an article whose text is in the library come from the library.
            let done = |i: usize| people[i].get().is_some() || articles[i].text_in_library;
            while let Some(i) = next_to_extract(wanted.load(Ordering::Relaxed), &mut next, people.len(), done) {
                people[i].get_or_init(|| people::extract_with_mentions(&articles[i]));
                ready(i);
            }
        })?;
        self.people_in_background = true;
        Ok(worker)
    }

    /// Draws as the interactive reader does while its extractor is busy, without starting it.
    #[cfg(test)]
    pub(crate) fn defer_people_for_tests(&mut self) {
        self.people_in_background = true;
    }

    /// Everyone across all articles (computed on first use, in parallel).
    pub fn index(&self) -> &[PersonSummary] {
        self.index.get_or_init(|| {
            use rayon::prelude::*;
            let all: Vec<Vec<Person>> =
                (0..self.articles.len()).into_par_iter().map(|i| self.people_of(i).to_vec()).collect();
            people::index(&self.articles, &all)
        })
    }

    /// The panes for the current size.
    #[must_use]
    pub fn panes(&self) -> Panes {
        layout(self.size.0, self.size.1, self.sidebar, &self.reading)
    }

    /// Whether the people sidebar is on screen.
    #[must_use]
    pub fn sidebar_visible(&self) -> bool {
        matches!(self.panes(), Panes::Panes(p) if p.people.is_some())
    }

    /// Rows of the article pane's text area.
    #[must_use]
    pub fn article_height(&self) -> usize {
        match self.panes() {
            Panes::Panes(p) => usize::from(p.article_text().height),
            Panes::TooSmall => 1,
        }
    }

    /// Makes `current` match the shown article and the pane's width: the one place where the
    /// document is built and wrapped.
    pub fn sync(&mut self) {
        let width = match self.panes() {
            Panes::Panes(p) => p.article_text().width.max(1),
            Panes::TooSmall => self.current.as_ref().map_or(1, |c| c.wrapped.width),
        };
        let Some(shown) = self.shown() else {
            self.current = None;
            return;
        };
        self.wanted.store(shown, Ordering::Relaxed);
        match &mut self.current {
            Some(c) if c.article == shown && c.wrapped.width == width => {}
            Some(c) if c.article == shown => c.wrapped = wrap_doc(&c.doc, width),
            _ => {
                let Some(article) = self.text_of(shown) else {
                    // Asked of the library: the pane says so until the text arrives.
                    self.current = None;
                    self.ask_text(shown);
                    return;
                };
                let doc = Doc::from_article(article);
                let wrapped = wrap_doc(&doc, width);
                self.current = Some(Current { article: shown, doc, wrapped });
                self.restore_search();
            }
        }
    }

    /// The first row of the article pane, clamped so the last page is full.
    #[must_use]
    pub fn top_row(&self) -> usize {
        let (Some(c), Some(view)) = (&self.current, self.view()) else { return 0 };
        let row = c.wrapped.row_at(view.scroll.block as usize, view.scroll.offset as usize);
        row.min(self.max_top_row())
    }

    /// The last useful first row.
    #[must_use]
    pub fn max_top_row(&self) -> usize {
        self.current.as_ref().map_or(0, |c| c.wrapped.len().saturating_sub(self.article_height()))
    }

    /// The view of the shown article.
    #[must_use]
    pub fn view(&self) -> Option<&ArticleView> {
        self.shown().map(|i| self.view_of(i))
    }

    /// The view of article `i` (an article never looked at has the default one).
    #[must_use]
    pub fn view_of(&self, i: usize) -> &ArticleView {
        self.articles.get(i).and_then(|a| self.views.get(&a.id)).unwrap_or(&UNSEEN)
    }

    pub fn view_mut(&mut self) -> Option<&mut ArticleView> {
        let i = self.shown()?;
        let id = self.articles.get(i)?.id.clone();
        Some(self.views.entry(id).or_default())
    }

    /// Whether article `i` has been read.
    #[must_use]
    pub fn is_read(&self, i: usize) -> bool {
        self.articles.get(i).is_some_and(|a| self.read.contains(&a.id))
    }

    /// Marks article `i` read or unread; a change becomes an effect for the library.
    pub fn set_read(&mut self, i: usize, read: bool) {
        let Some(id) = self.articles.get(i).map(|a| a.id.clone()) else { return };
        let changed = if read { self.read.insert(id.clone()) } else { self.read.remove(&id) };
        if changed {
            self.effects.push(Effect::SetRead { id, read });
        }
    }

    pub(super) fn push_effect(&mut self, effect: Effect) {
        self.effects.push(effect);
    }

    /// Takes back an effect not carried out yet (one made needless before the runner saw it).
    pub(super) fn retract_effect(&mut self, effect: &Effect) {
        self.effects.retain(|e| e != effect);
    }

    /// Moves the shown article to `anchor`; a move is an effect, so the library keeps it.
    pub(super) fn set_scroll(&mut self, anchor: Anchor) {
        let Some(v) = self.view_mut() else { return };
        if v.scroll == anchor {
            return;
        }
        v.scroll = anchor;
        if let Some(id) = self.shown().and_then(|i| self.articles.get(i)).map(|a| a.id.clone()) {
            self.effects.push(Effect::SavePosition { id, position: anchor });
        }
    }

    /// The effects of the updates since the last call, in order, for the runner to carry out.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// The person selected in the sidebar of the shown article.
    #[must_use]
    pub fn selected_person(&self) -> Option<&Person> {
        let i = self.shown()?;
        self.people_of(i).get(self.view_of(i).person)
    }
}

/// State is kept by id, so two articles must never share one: loaded articles never do, but
/// articles parsed by hand (tests, tools) have none; those get their position as their id.
pub(super) fn unique_ids(articles: &mut [Article]) {
    let mut seen = HashSet::with_capacity(articles.len());
    for (i, article) in articles.iter_mut().enumerate() {
        if article.id.as_str().is_empty() || !seen.insert(article.id.clone()) {
            article.id = ArticleId::from_stored(format!("{}#{i}", article.id));
            seen.insert(article.id.clone());
        }
    }
}

/// An article this small has its people extracted before the first screen is drawn, rather
/// than shown as "finding people" for a moment.
pub(crate) const SMALL_ARTICLE: usize = 100 * 1024;

/// Bytes of text in an article.
fn text_len(article: &Article) -> usize {
    article.title.len() + article.paragraphs.iter().map(String::len).sum::<usize>()
}

fn problems_message(problems: &[Problem]) -> Option<Message> {
    let first = problems.first()?;
    let text = match problems.len() {
        1 => first.to_string(),
        n => format!("{first} (and {} more: press ? to see them)", n - 1),
    };
    Some(Message { text, kind: MessageKind::Warning })
}

/// Which article's people the background extractor does next: the one shown (`wanted`) if it
/// is not done, else the first not done from `next` on (`next` moves past those done); `None`
/// when all `len` are.
fn next_to_extract(wanted: usize, next: &mut usize, len: usize, done: impl Fn(usize) -> bool) -> Option<usize> {
    if wanted < len && !done(wanted) {
        return Some(wanted);
    }
    while *next < len && done(*next) {
        *next += 1;
    }
    (*next < len).then_some(*next)
}

#[cfg(test)]
mod tests {
    use super::next_to_extract;
    use std::cell::RefCell;

    #[test]
    fn the_extractor_does_the_shown_article_first_then_the_rest_in_order() {
        let done = RefCell::new(vec![false; 5]);
        let mut next = 0;
        let mut order = Vec::new();
        // The reader shows article 3, then, after two are done, article 1.
        for wanted in [3, 3, 1, 1, 1, 1] {
            let Some(i) = next_to_extract(wanted, &mut next, 5, |i| done.borrow()[i]) else { break };
            done.borrow_mut()[i] = true;
            order.push(i);
        }
        assert_eq!(order, [3, 0, 1, 2, 4]);
        assert_eq!(next_to_extract(2, &mut next, 5, |i| done.borrow()[i]), None);
        assert_eq!(next_to_extract(9, &mut 0, 0, |_| false), None);
    }
}
