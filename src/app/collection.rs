//! Which articles the reader shows: the files it was started with, or the whole library (`L`
//! goes from one to the other). The set not shown waits on a shelf with its people and its list,
//! so going back is instant and finds the selection where it was. Read, starred, hidden and the
//! views are kept by id, so they are shared by both sets.

use std::collections::HashMap;
use std::sync::atomic::AtomicUsize;
use std::sync::{Arc, OnceLock};

use crate::article::{Article, ArticleId};
use crate::people::{Person, PersonSummary};
use crate::store::StoredArticle;

use super::effect::{Effect, Request};
use super::state::{App, ListFilter, Mode};

/// What the reader shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Collection {
    /// The whole library (started without files), or files with no library to go to.
    #[default]
    Only,
    /// The files given on the command line; `L` shows the whole library.
    Files,
    /// The whole library, reached from the files with `L`.
    Library,
}

impl Collection {
    /// What the status bar says is shown, when there is a choice.
    #[must_use]
    pub fn label(self) -> Option<&'static str> {
        match self {
            Self::Only => None,
            Self::Files => Some("files"),
            Self::Library => Some("library"),
        }
    }
}

/// The set of articles not shown, as it was left.
#[derive(Debug)]
pub(super) struct Shelf {
    articles: Arc<Vec<Article>>,
    people: Arc<Vec<OnceLock<Vec<Person>>>>,
    wanted: Arc<AtomicUsize>,
    people_in_background: bool,
    index: OnceLock<Vec<PersonSummary>>,
    by_id: HashMap<ArticleId, usize>,
    filter: Option<ListFilter>,
    selected: Option<ArticleId>,
}

impl App {
    /// Says the reader was started with files and a library is there to go to with `L`.
    pub fn started_with_files(&mut self) {
        self.collection = Collection::Files;
    }

    /// Which articles are shown.
    #[must_use]
    pub fn collection(&self) -> Collection {
        self.collection
    }

    /// `L`: from the files to the whole library (asked of the library the first time), and back.
    pub(super) fn toggle_collection(&mut self) {
        match self.collection {
            Collection::Only => self.info("This is the whole library".to_string()),
            Collection::Files if self.shelf.is_none() => {
                self.push_effect(Effect::Ask(Request::Library));
                self.info("Opening the library…".to_string());
            }
            Collection::Files => self.swap_shelf(Collection::Library),
            Collection::Library => self.swap_shelf(Collection::Files),
        }
    }

    /// The library's articles arrived (see [`Request::Library`]): they are shown, with their
    /// people and state, and the files wait on the shelf.
    pub(super) fn library_arrived(&mut self, found: Result<Arc<Vec<StoredArticle>>, String>) {
        let stored = match found {
            Ok(stored) => stored,
            Err(e) => {
                self.warn(format!("The library could not be read: {e}"));
                return;
            }
        };
        // A second answer (two quick `L`s) finds the library already there.
        if self.collection != Collection::Files || self.shelf.is_some() {
            return;
        }
        let stored = Arc::try_unwrap(stored).unwrap_or_else(|shared| (*shared).clone());
        let mut articles = Vec::with_capacity(stored.len());
        let mut people = Vec::with_capacity(stored.len());
        let mut states = Vec::with_capacity(stored.len());
        for s in stored {
            states.push((s.article.id.clone(), s.state));
            people.push(OnceLock::from(s.people));
            articles.push(s.article);
        }
        super::state::unique_ids(&mut articles);
        let shelf = Shelf {
            by_id: articles.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect(),
            articles: Arc::new(articles),
            people: Arc::new(people),
            wanted: Arc::new(AtomicUsize::new(0)),
            people_in_background: false,
            index: OnceLock::new(),
            filter: None,
            selected: None,
        };
        // What this session did to the files is newer than the library's copy (the library may
        // be read without saving): only the others take their state from it.
        let files = self.by_id.clone();
        self.shelf = Some(shelf);
        self.swap_shelf(Collection::Library);
        for (id, state) in states {
            // This session's state of the files wins over the library's copy.
            if !files.contains_key(&id) {
                self.take_state(id, &state);
            }
        }
        self.rebuild_list();
    }

    /// Shows the set on the shelf (as `to`), and shelves the one shown.
    fn swap_shelf(&mut self, to: Collection) {
        let Some(mut shelf) = self.shelf.take() else { return };
        let selected = self.shown().and_then(|i| self.articles.get(i)).map(|a| a.id.clone());
        std::mem::swap(&mut self.articles, &mut shelf.articles);
        std::mem::swap(&mut self.people, &mut shelf.people);
        std::mem::swap(&mut self.wanted, &mut shelf.wanted);
        std::mem::swap(&mut self.people_in_background, &mut shelf.people_in_background);
        std::mem::swap(&mut self.index, &mut shelf.index);
        std::mem::swap(&mut self.by_id, &mut shelf.by_id);
        std::mem::swap(&mut self.filter, &mut shelf.filter);
        // Where this set was left; the first time, the article shown now if it is there too.
        let back_to = std::mem::replace(&mut shelf.selected, selected.clone()).or(selected);
        self.shelf = Some(shelf);
        self.collection = to;
        // The search being typed was in an article of the other set.
        if let Mode::Search(_) = self.mode {
            self.mode = Mode::Normal;
        }
        self.current = None;
        // The list's positions were of the other set.
        self.order.clear();
        self.selected = 0;
        self.rebuild_list();
        if let Some(at) =
            back_to.and_then(|id| self.by_id.get(&id).copied()).and_then(|i| self.order.iter().position(|&o| o == i))
        {
            self.selected = at;
            self.sync();
            self.reveal_selection();
        }
        let n = self.list_len();
        let articles = if n == 1 { "article" } else { "articles" };
        self.info(match to {
            Collection::Library => format!("The whole library: {n} {articles} (L: back to the files)"),
            _ => format!("The files you opened: {n} {articles} (L: the whole library)"),
        });
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use crate::app::{Action, Answer, App, Collection, Effect, Request};
    use crate::article::{Article, ArticleId, Library, parse};
    use crate::store::{ArticleState, StoredArticle};

    fn article(id: &str, title: &str) -> Article {
        let mut a = parse(&format!("{title}\n\nSEOUL (Yonhap) -- {title}, officials said.\n"), &format!("{id}.txt"));
        a.id = ArticleId::from_stored(id.to_string());
        a
    }

    fn stored(a: Article, state: ArticleState) -> StoredArticle {
        StoredArticle {
            article: a,
            people: Vec::new(),
            feed: None,
            link: None,
            published: None,
            added: 0,
            date: 0,
            state,
        }
    }

    fn titles(app: &App) -> Vec<String> {
        (0..app.list_len()).filter_map(|p| app.article_at(p)).map(|i| app.articles[i].title.clone()).collect()
    }

    #[test]
    fn l_shows_the_whole_library_with_its_state_and_goes_back_to_the_files_where_they_were() {
        let files = vec![article("f1", "Harbour reopens"), article("f2", "Bridge closes")];
        let mut app = App::new(Library { articles: files, problems: vec![] }, (120, 40));
        app.started_with_files();
        app.update(Action::Down);
        let on_file = app.articles[app.shown().unwrap()].id.clone();
        app.update(Action::ToggleLibrary);
        app.message = None;
        assert_eq!(app.take_effects(), [Effect::Ask(Request::Library)]);
        assert_eq!(app.collection(), Collection::Files);
        // The library has the files (read there in another session) and two more, one starred.
        let library = vec![
            stored(article("f1", "Harbour reopens"), ArticleState { read: true, ..ArticleState::default() }),
            stored(article("f2", "Bridge closes"), ArticleState::default()),
            stored(article("o1", "Talks resume"), ArticleState { starred: true, ..ArticleState::default() }),
            stored(article("o2", "Summit ends"), ArticleState { read: true, ..ArticleState::default() }),
        ];
        app.answer(Answer::Library(Ok(Arc::new(library))));
        assert_eq!(app.collection(), Collection::Library);
        // The article that was shown is still selected, now in the whole library.
        assert_eq!(app.articles[app.shown().unwrap()].id, on_file);
        app.update(Action::Top);
        let mut shown = titles(&app);
        shown.sort();
        assert_eq!(shown, ["Bridge closes", "Harbour reopens", "Summit ends", "Talks resume"]);
        let at = |app: &App, id: &str| app.articles.iter().position(|a| a.id.as_str() == id).unwrap();
        assert!(app.is_starred(at(&app, "o1")) && app.is_read(at(&app, "o2")));
        // This session's state of the files wins over the library's copy: f1 was not read here.
        assert!(!app.is_read(at(&app, "f1")));
        // Read something in the library, then go back: the files, selection as left, state shared.
        app.update(Action::ToggleRead);
        let read_there = app.articles[app.shown().unwrap()].id.clone();
        app.update(Action::ToggleLibrary);
        assert_eq!(app.collection(), Collection::Files);
        assert!(app.take_effects().iter().all(|e| !matches!(e, Effect::Ask(_))), "asked again");
        assert_eq!(app.articles[app.shown().unwrap()].id, on_file);
        let mut shown = titles(&app);
        shown.sort();
        assert_eq!(shown, ["Bridge closes", "Harbour reopens"]);
        if let Some(i) = app.articles.iter().position(|a| a.id == read_there) {
            assert!(app.is_read(i));
        }
        // And to the library again, without asking.
        app.update(Action::ToggleLibrary);
        assert_eq!(app.collection(), Collection::Library);
        assert_eq!(app.list_len(), 4);
        assert!(app.take_effects().is_empty());
    }

    #[test]
    fn without_files_or_without_a_library_l_says_so() {
        let mut app = App::new(Library { articles: vec![article("a", "Talks resume")], problems: vec![] }, (120, 40));
        app.update(Action::ToggleLibrary);
        assert!(app.take_effects().is_empty());
        assert_eq!(app.message.as_ref().map(|m| m.text.as_str()), Some("This is the whole library"));
        let mut app = App::new(Library { articles: vec![article("a", "Talks resume")], problems: vec![] }, (120, 40));
        app.started_with_files();
        app.update(Action::ToggleLibrary);
        app.answer(Answer::Library(Err("library.db is damaged".into())));
        assert_eq!(app.collection(), Collection::Files);
        assert!(app.message.as_ref().is_some_and(|m| m.text.contains("library.db is damaged")));
    }
}
