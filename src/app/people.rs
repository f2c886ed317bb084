//! The people sidebar: picking a person highlights their mentions; Enter narrows the list to
//! the articles that name them.

use std::collections::HashSet;

use crate::article::ArticleId;

use super::state::{App, Focus, ListFilter, SearchKind, SearchState};

impl App {
    /// Selects person `at` of the shown article and highlights their mentions.
    pub(super) fn select_person(&mut self, at: usize) {
        if let Some(v) = self.view_mut() {
            v.person = at;
        }
        self.reveal_person();
        self.highlight_person(at);
    }

    /// Marks every mention of person `at` (name and aliases) as the article's matches.
    pub(super) fn highlight_person(&mut self, at: usize) {
        let Some(i) = self.shown() else { return };
        let Some(person) = self.people_of(i).get(at).cloned() else { return };
        let Some(c) = &self.current else { return };
        // The same places the person's count is made of (see `people::mentions_in`).
        let matches = crate::people::mentions_in(&c.doc, &person);
        if let Some(v) = self.view_mut() {
            v.search =
                Some(SearchState { query: person.name.clone(), kind: SearchKind::Person, matches, current: None });
        }
    }

    /// Narrows the list to the articles that name the selected person.
    pub(super) fn filter_by_person(&mut self) {
        let (Some(shown), Some(person)) = (self.shown(), self.selected_person().cloned()) else { return };
        if self.articles[shown].text_in_library {
            // The other articles' people are in the library, not here: it answers.
            self.info(format!("Finding the articles that name {}… (Esc: never mind)", person.name));
            self.person_filter_asked = Some(person.name.clone());
            self.push_effect(super::Effect::Ask(super::Request::PersonFilter { name: person.name }));
            return;
        }
        let id = self.articles[shown].id.clone();
        let entry = self.index().iter().find(|e| e.articles.contains(&id) && e.name == person.name).or_else(|| {
            self.index()
                .iter()
                .find(|e| e.articles.contains(&id) && (e.name.contains(&person.name) || person.name.contains(&e.name)))
        });
        let Some(entry) = entry else { return };
        let name = entry.name.clone();
        let wanted: std::collections::HashSet<&str> =
            entry.articles.iter().map(crate::article::ArticleId::as_str).collect();
        let articles: Vec<usize> =
            self.articles.iter().enumerate().filter(|(_, a)| wanted.contains(a.id.as_str())).map(|(i, _)| i).collect();
        self.narrow_to_person(name, articles, std::collections::HashSet::new());
    }

    /// The library's answer to [`super::Request::PersonFilter`].
    pub(super) fn person_filter_arrived(&mut self, name: String, ids: Result<Vec<crate::article::ArticleId>, String>) {
        // Taken back with Esc, or overtaken by another person's question.
        if self.person_filter_asked.as_deref() != Some(name.as_str()) {
            return;
        }
        self.person_filter_asked = None;
        match ids {
            Ok(ids) => {
                let articles = ids.iter().filter_map(|id| self.index_of(id)).collect();
                let waiting = self.not_yet_loaded(&ids);
                self.narrow_to_person(name, articles, waiting);
            }
            Err(e) => self.warn(format!("Could not find the articles that name {name}: {e}")),
        }
    }

    /// Narrows the list to `articles` (load positions), those that name `name`.
    fn narrow_to_person(&mut self, name: String, articles: Vec<usize>, waiting: HashSet<ArticleId>) {
        let count = articles.len() + waiting.len();
        self.filter = Some(ListFilter { person: name.clone(), articles, search: false, waiting });
        self.rebuild_list();
        self.focus = Focus::List;
        let (articles, name_verb) = if count == 1 { ("article", "names") } else { ("articles", "name") };
        self.info(format!("{count} {articles} {name_verb} {name} (Esc shows all)"));
    }

    /// With the list narrowed to a person, the article just shown selects that person and
    /// highlights their mentions, so `n` walks them from article to article. A search typed in
    /// the article is left alone.
    pub(super) fn follow_filtered_person(&mut self) {
        let (Some(filter), Some(i)) = (self.filter.as_ref().filter(|f| !f.search), self.shown()) else { return };
        if self.view().and_then(|v| v.search.as_ref()).is_some_and(|s| s.kind == SearchKind::Text) {
            return;
        }
        let name = filter.person.as_str();
        let at = self.people_of(i).iter().position(|p| {
            p.name == name || p.aliases.iter().any(|a| a == name) || p.name.contains(name) || name.contains(&p.name)
        });
        if let Some(at) = at {
            self.select_person(at);
        }
    }

    /// Back to the full list, staying on the same article.
    pub(super) fn clear_filter(&mut self) {
        self.filter = None;
        self.rebuild_list();
    }
}
