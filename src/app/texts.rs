//! Articles loaded without their text: a library opens with what its list shows (headline,
//! dateline, dates, state) and each article's paragraphs and people are asked of the library
//! when it is first shown (see [`crate::article::Article::text_in_library`]). The answer comes
//! back on the library worker's channel, so the reader never waits on the disk; the pane says
//! "Loading" for the moment it takes.

use crate::article::{Article, ArticleId};
use crate::people::Person;
use crate::store::{HeadersCursor, StoredArticle};

/// How many articles a page of the rest of the library has: a page is read in about 30 ms, and
/// only one is held besides the list at a time.
pub const HEADERS_PAGE: usize = 10_000;

use super::effect::{Effect, Request};
use super::state::{App, SearchKind, SearchState};

/// A person to pick in an article's sidebar once its people arrive (opening an article from a
/// person's page): their name, and the keys of every name they go by.
#[derive(Debug, Clone)]
pub(crate) struct PersonPick {
    pub name: String,
    pub keys: std::collections::HashSet<String>,
}

/// What to do with an article once its text arrives: what opening it asked for.
#[derive(Debug, Clone)]
pub(crate) enum AfterText {
    /// Pick a person in its sidebar (from a person's page).
    Pick(PersonPick),
    /// Highlight a library search's words (from the search screen).
    Highlight(Vec<String>),
}

/// An article's text and people as the library sent them.
#[derive(Debug, Clone)]
pub(crate) struct Loaded {
    pub article: Article,
    pub people: Vec<Person>,
    /// The text did not come: `article` is its headline and why, for the pane only (nothing is
    /// saved, piped or fetched from it).
    pub missing: bool,
}

impl App {
    /// Asks the library for article `i`'s text, once.
    pub(super) fn ask_text(&mut self, i: usize) {
        let Some(id) = self.articles.get(i).map(|a| a.id.clone()) else { return };
        if !self.texts.contains_key(&id) && self.texts_asked.insert(id.clone()) {
            self.push_effect(Effect::Ask(Request::Text(id)));
        }
    }

    /// Reads the shown article's text from `store` at once, so the first screen has it rather
    /// than "Loading" (the reader starts before the library's worker does).
    pub fn load_shown_text(&mut self, store: &dyn crate::store::Store) {
        let Some(i) = self.shown() else { return };
        let Some(id) =
            self.articles.get(i).filter(|a| a.text_in_library && !self.texts.contains_key(&a.id)).map(|a| a.id.clone())
        else {
            return;
        };
        let article = store.article(&id).map(|a| a.map(Box::new)).map_err(|e| e.to_string());
        self.retract_effect(&Effect::Ask(Request::Text(id.clone())));
        self.text_arrived(id, article);
    }

    /// Asks the library for the rest of its `total` articles (the reader was started on the
    /// first page), a page at a time.
    pub fn read_rest_of_library(&mut self, total: usize) {
        self.rest_pending = true;
        // Room for all of them at once: grown page by page, the list would be copied each time.
        let more = total.saturating_sub(self.articles.len());
        std::sync::Arc::make_mut(&mut self.articles).reserve_exact(more);
        std::sync::Arc::make_mut(&mut self.people).reserve_exact(more);
        self.by_id.reserve(more);
        self.push_effect(Effect::Ask(Request::Headers { after: None }));
    }

    /// Whether the list is the library's first page, the rest being read.
    #[must_use]
    pub fn reading_rest(&self) -> bool {
        self.rest_pending
    }

    /// The rest of the library, for a reader started on its first page: added to the list
    /// (those already there are kept as they are, with what this session did to them).
    pub(super) fn rest_arrived(&mut self, found: Result<Vec<StoredArticle>, String>, next: Option<HeadersCursor>) {
        match found {
            Ok(stored) => {
                let top = self.list_offset;
                let added = self.load_stored(stored);
                // A person's or a search's articles the library named before they were here.
                if let Some(f) = self.filter.as_mut().filter(|f| !f.waiting.is_empty()) {
                    for i in added.clone() {
                        if f.waiting.remove(&self.articles[i].id) {
                            f.articles.push(i);
                        }
                    }
                }
                // Joined to the list as it is: rebuilt, it would drop what was read under the
                // unread filter, and move the selection off an article that left it.
                self.merge_into_list(added);
                // Where the list was scrolled, not scrolled back to the top under the user.
                self.list_offset = top;
                self.reveal_selection();
                match next {
                    Some(after) => self.push_effect(Effect::Ask(Request::Headers { after: Some(after) })),
                    None => {
                        self.rest_pending = false;
                        if std::mem::take(&mut self.bottom_after_rest) && self.focus == super::Focus::List {
                            self.select(self.list_len().saturating_sub(1));
                        }
                    }
                }
            }
            Err(e) => {
                self.rest_pending = false;
                self.warn(format!("The rest of the library could not be read: {e}"));
            }
        }
    }

    /// Those of `ids` the list will have once the rest of the library is read (none when it
    /// is all here): a filter made meanwhile takes them as they come.
    pub(super) fn not_yet_loaded(&self, ids: &[ArticleId]) -> std::collections::HashSet<ArticleId> {
        if !self.rest_pending {
            return std::collections::HashSet::new();
        }
        ids.iter().filter(|id| self.index_of(id).is_none()).cloned().collect()
    }

    /// Whether the shown article's text could not be read from the library.
    #[must_use]
    pub fn text_missing(&self) -> bool {
        self.shown().and_then(|i| self.articles.get(i)).and_then(|a| self.texts.get(&a.id)).is_some_and(|t| t.missing)
    }

    /// Whether the shown article's text has been asked of the library and not arrived yet.
    #[must_use]
    pub fn text_loading(&self) -> bool {
        self.shown().and_then(|i| self.articles.get(i)).is_some_and(|a| self.texts_asked.contains(&a.id))
    }

    /// The library's answer to [`Request::Text`]. An article gone from the library (another
    /// reader deleted it) or one that cannot be read says so in its pane instead of its text,
    /// and is not asked again.
    pub(super) fn text_arrived(&mut self, id: ArticleId, found: Result<Option<Box<StoredArticle>>, String>) {
        self.texts_asked.remove(&id);
        let header = self.index_of(&id).and_then(|i| self.articles.get(i)).cloned();
        let loaded = match found {
            Ok(Some(stored)) => {
                let StoredArticle { mut article, people, .. } = *stored;
                article.text_in_library = false;
                if let Some(header) = &header {
                    // The list's copy has the source name the store does not keep.
                    article.source.clone_from(&header.source);
                }
                Loaded { article, people, missing: false }
            }
            Ok(None) => stand_in(header, "This article is no longer in the library.".to_string()),
            Err(e) => {
                let why = format!("This article could not be read from the library: {e}");
                self.warn(why.clone());
                stand_in(header, why)
            }
        };
        self.texts.insert(id.clone(), loaded);
        let Some(i) = self.index_of(&id) else { return };
        if self.shown() == Some(i) {
            self.current = None;
            self.sync();
            let after = match self.after_text.take() {
                Some((for_id, what)) if for_id == id => Some(what),
                other => {
                    self.after_text = other;
                    None
                }
            };
            match after {
                Some(AfterText::Pick(pick)) => self.pick_person(i, &pick),
                Some(AfterText::Highlight(terms)) => self.highlight_terms(terms),
                None => self.follow_filtered_person(),
            }
        }
    }

    /// The article just built for the pane takes the search the library kept for it (the last
    /// one made in it, in an earlier session), highlighted for `n` to walk.
    pub(super) fn restore_search(&mut self) {
        let Some(c) = &self.current else { return };
        let Some(query) = self.view().filter(|v| v.search.is_none()).and_then(|v| v.saved_query.clone()) else {
            return;
        };
        let matches = crate::text::find(&c.doc, &query);
        if let Some(v) = self.view_mut() {
            v.saved_query = None;
            v.search = Some(SearchState { query, kind: SearchKind::Text, matches, current: None });
        }
    }
}

/// What the pane shows for an article whose text did not come: its headline and why.
fn stand_in(header: Option<Article>, why: String) -> Loaded {
    let mut article = header.unwrap_or_default();
    article.text_in_library = false;
    article.paragraphs = vec![why];
    Loaded { article, people: Vec::new(), missing: true }
}

#[cfg(test)]
mod tests {
    use crate::app::library::{answer, split};
    use crate::app::people_view::tests::{library_of, story, who as person};
    use crate::app::{Action, App, Effect, Request};
    use crate::article::Article;
    use crate::people::Person;
    use crate::store::{NewArticle, SqliteStore, Store};

    /// A library of `items` and a reader of it as the reader opens one: headlines only.
    fn lazy(items: &[(Article, Vec<Person>)]) -> (App, SqliteStore) {
        let store = library_of(items);
        let (library, people, states) = split(store.all_headers().expect("headers"));
        assert!(people.iter().all(Vec::is_empty), "no people are read at launch");
        let mut app = App::new(library, (120, 40));
        app.restore_states(states);
        (app, store)
    }

    fn questions(app: &mut App) -> Vec<Request> {
        app.take_effects()
            .into_iter()
            .filter_map(|e| match e {
                Effect::Ask(r) => Some(r),
                _ => None,
            })
            .collect()
    }

    fn answer_all(app: &mut App, store: &mut SqliteStore) {
        for r in questions(app) {
            let a = answer(store, r);
            app.answer(a);
        }
    }

    fn body(app: &App) -> String {
        app.current
            .as_ref()
            .map(|c| c.doc.blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("\n"))
            .unwrap_or_default()
    }

    #[test]
    fn a_library_opens_with_headlines_only_and_an_article_is_read_from_it_when_shown() {
        let items = vec![
            (story(1), vec![person("Ilse Varga", 2)]),
            (story(2), vec![person("Marek Novak", 1), person("Jan Kolar", 3)]),
        ];
        let (mut app, mut store) = lazy(&items);
        // Nothing of the text is held: every article is its headline and dates.
        assert!(app.articles.iter().all(|a| a.text_in_library && a.paragraphs.is_empty()));
        // Newest first: story 2 is shown, asked of the library once however often synced.
        app.sync();
        app.sync();
        let id2 = app.articles[app.shown().expect("shown")].id.clone();
        assert_eq!(questions(&mut app), [Request::Text(id2.clone())]);
        assert!(app.text_loading() && app.current.is_none() && app.people_pending());
        app.answer(answer(&mut store, Request::Text(id2)));
        assert!(!app.text_loading());
        assert!(body(&app).contains("Body of story 2."), "{}", body(&app));
        let shown = app.shown().expect("shown");
        let names: Vec<&str> = app.people_of(shown).iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Marek Novak", "Jan Kolar"]);
        // The next one is asked when moved to, and shown when it comes.
        app.update(Action::Down);
        answer_all(&mut app, &mut store);
        assert!(body(&app).contains("Body of story 1."), "{}", body(&app));
        // Going back needs no question: the text is kept.
        app.update(Action::Up);
        assert!(questions(&mut app).is_empty());
        assert!(body(&app).contains("Body of story 2."));
    }

    #[test]
    fn load_shown_text_gives_the_first_screen_its_text_without_a_question_left_behind() {
        let (mut app, store) = lazy(&[(story(1), vec![person("Ilse Varga", 2)])]);
        app.sync();
        app.load_shown_text(&store);
        assert!(questions(&mut app).is_empty());
        assert!(body(&app).contains("Body of story 1."));
        assert_eq!(app.people_of(0).len(), 1);
    }

    #[test]
    fn an_article_gone_from_the_library_says_so_in_its_pane_and_is_not_asked_again() {
        let (mut app, mut store) = lazy(&[(story(1), Vec::new())]);
        app.sync();
        let id = app.articles[0].id.clone();
        assert_eq!(questions(&mut app), [Request::Text(id.clone())]);
        store.set_deleted(std::slice::from_ref(&id), true).expect("delete");
        // Deleted by another reader: the library no longer gives it.
        let gone = crate::app::Answer::Text { id, article: Ok(None) };
        app.answer(gone);
        assert!(body(&app).contains("no longer in the library"), "{}", body(&app));
        // Its stand-in text is not the article: nothing is saved or piped from it.
        app.update(Action::SaveArticle);
        assert!(app.take_effects().is_empty());
        assert_eq!(
            app.message.as_ref().map(|m| m.text.as_str()),
            Some("This article's text could not be read from the library")
        );
        app.current = None;
        app.sync();
        assert!(questions(&mut app).is_empty());
    }

    #[test]
    fn enter_on_a_person_asks_the_library_for_the_articles_naming_them() {
        let items = vec![
            (story(1), vec![person("Ilse Varga", 2)]),
            (story(2), vec![person("Marek Novak", 1)]),
            (story(3), vec![person("Ilse Varga", 1), person("Jan Kolar", 1)]),
        ];
        let (mut app, mut store) = lazy(&items);
        app.sync();
        answer_all(&mut app, &mut store);
        app.update(Action::FocusNext);
        app.update(Action::FocusNext);
        assert_eq!(app.focus, crate::app::Focus::People);
        app.update(Action::Open);
        let asked = questions(&mut app);
        assert_eq!(asked, [Request::PersonFilter { name: "Ilse Varga".to_string() }]);
        for r in asked {
            let a = answer(&mut store, r);
            app.answer(a);
        }
        let titles: Vec<&str> =
            (0..app.list_len()).filter_map(|p| app.article_at(p)).map(|i| app.articles[i].title.as_str()).collect();
        assert_eq!(titles, ["Story 3", "Story 1"]);
        assert_eq!(app.filter.as_ref().map(|f| f.person.as_str()), Some("Ilse Varga"));
    }

    #[test]
    fn esc_before_the_library_answers_takes_the_persons_question_back() {
        let items = vec![(story(1), vec![person("Ilse Varga", 2)]), (story(2), vec![person("Ilse Varga", 1)])];
        let (mut app, mut store) = lazy(&items);
        app.sync();
        answer_all(&mut app, &mut store);
        app.update(Action::FocusNext);
        app.update(Action::FocusNext);
        app.update(Action::Open);
        let asked = questions(&mut app);
        assert_eq!(asked.len(), 1);
        app.update(Action::Cancel);
        for r in asked {
            let a = answer(&mut store, r);
            app.answer(a);
        }
        assert!(app.filter.is_none(), "the late answer narrows nothing");
        assert_eq!(app.list_len(), 2);
    }

    #[test]
    fn the_last_search_in_an_article_is_kept_and_comes_back_highlighted() {
        let (mut app, mut store) = lazy(&[(story(1), Vec::new())]);
        app.sync();
        answer_all(&mut app, &mut store);
        app.update(Action::StartSearch);
        for c in "story".chars() {
            app.update(Action::Insert(c));
        }
        app.update(Action::Accept);
        let id = app.articles[0].id.clone();
        let kept: Vec<Effect> =
            app.take_effects().into_iter().filter(|e| matches!(e, Effect::SetLastSearch { .. })).collect();
        assert_eq!(kept, [Effect::SetLastSearch { id: id.clone(), query: Some("story".to_string()) }]);
        for e in kept {
            crate::runtime::store_worker::apply_effect(&mut store, e).expect("kept");
        }
        // The next session: the search is there, every match highlighted, none current yet.
        let (library, _, states) = split(store.all_headers().expect("headers"));
        let mut again = App::new(library, (120, 40));
        again.restore_states(states);
        again.sync();
        answer_all(&mut again, &mut store);
        let search = again.view().and_then(|v| v.search.clone()).expect("a search");
        assert_eq!(search.query, "story");
        assert_eq!(search.matches.len(), 2, "{search:?}");
        assert_eq!(search.current, None);
    }

    #[test]
    fn the_reader_starts_on_the_first_page_and_the_rest_joins_the_list_where_the_user_is() {
        use crate::app::library::{FIRST_PAGE, Reading, prepare};
        let dir = tempfile::tempdir().expect("dir");
        let db = dir.path().join("library.db");
        let n = FIRST_PAGE + 20;
        {
            let mut store = SqliteStore::open(&db).expect("open");
            let stories: Vec<Article> = (0..n).map(story).collect();
            let batch: Vec<NewArticle<'_>> = stories
                .iter()
                .enumerate()
                .map(|(i, a)| NewArticle::new(a, &[], Some(1_700_000_000 + i64::try_from(i).expect("small") * 60)))
                .collect();
            store.upsert(&batch).expect("upsert");
            // The last session was on the oldest story, far past the first page.
            store.session_set("selected", stories[0].id.as_str()).expect("session");
            store.session_set(crate::app::library::BUNDLED_ADDED, "1").expect("session");
        }
        let prepared = prepare(&[], Some(&db), true, Reading::FirstPage).expect("prepared");
        assert_eq!(prepared.rest, Some(n));
        assert_eq!(prepared.library.articles.len(), FIRST_PAGE + 1, "a page and the article the session was on");
        let mut store = prepared.store.expect("a library");
        let mut app = App::new(prepared.library, (120, 40));
        app.restore_states(prepared.states);
        app.restore_session(&store).expect("session");
        app.read_rest_of_library(n);
        assert!(app.reading_rest());
        let shown = app.articles[app.shown().expect("shown")].title.clone();
        assert_eq!(shown, "Story 0");
        // The newest is first, even before the rest is read.
        assert_eq!(app.articles[app.article_at(0).expect("first")].title, format!("Story {}", n - 1));
        answer_all(&mut app, &mut store);
        assert!(!app.reading_rest());
        assert_eq!(app.list_len(), n);
        assert_eq!(app.articles[app.shown().expect("shown")].title, shown, "the selection stays on its article");
        assert_eq!(app.selected, n - 1, "the oldest is last");
    }

    #[test]
    fn a_search_typed_before_the_text_comes_is_made_when_it_does() {
        let (mut app, mut store) = lazy(&[(story(1), Vec::new())]);
        app.sync();
        assert!(app.text_loading());
        app.update(Action::StartSearch);
        for c in "body".chars() {
            app.update(Action::Insert(c));
        }
        app.update(Action::Accept);
        answer_all(&mut app, &mut store);
        let search = app.view().and_then(|v| v.search.clone()).expect("a search");
        assert_eq!((search.query.as_str(), search.matches.len()), ("body", 1));
        app.update(Action::NextMatch);
        assert_eq!(app.view().and_then(|v| v.search.as_ref()).and_then(|s| s.current), Some(0));
    }
}

#[cfg(test)]
#[path = "texts_tests.rs"]
mod rest_tests;
