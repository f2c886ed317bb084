//! [`Store`] for [`SqliteStore`]: the trait's methods, each a call to the module that does it.

use std::collections::HashMap;

use super::articles::StateColumn;
use super::error::Result;
use super::sqlite::SqliteStore;
use super::{
    ArticleRow, ArticleState, Counts, FeedStatus, Filter, HeadersCursor, HeadersPage, NewArticle, Order, PeopleSort,
    PersonId, PersonPage, PersonRow, Position, Query, SavedSearch, SearchHit, Store, StoredArticle, UpsertReport,
};
use crate::article::ArticleId;

impl Store for SqliteStore {
    fn known_hashes(&self, ids: &[ArticleId]) -> Result<HashMap<ArticleId, String>> {
        self.known_hashes_impl(ids)
    }
    fn upsert(&mut self, batch: &[NewArticle<'_>]) -> Result<UpsertReport> {
        // An item stored anew derives its people and index row from its own text (a feed's
        // summary); one with a kept full text gets them from that again.
        let restore = self.full_texts_to_restore(batch)?;
        let report = self.upsert_impl(batch)?;
        self.restore_full_texts(&restore)?;
        Ok(report)
    }
    fn article(&self, id: &ArticleId) -> Result<Option<StoredArticle>> {
        self.article_impl(id)
    }
    fn all_articles(&self) -> Result<Vec<StoredArticle>> {
        self.all_articles_impl()
    }
    fn all_headers(&self) -> Result<Vec<StoredArticle>> {
        self.all_headers_impl()
    }
    fn headers_of(&self, ids: &[ArticleId]) -> Result<Vec<StoredArticle>> {
        self.headers_of_impl(ids)
    }
    fn headers_page(&self, after: Option<HeadersCursor>, limit: usize) -> Result<HeadersPage> {
        self.headers_page_impl(after, limit)
    }
    fn articles_page(&self, filter: &Filter, order: Order, offset: usize, limit: usize) -> Result<Vec<ArticleRow>> {
        self.articles_page_impl(filter, order, offset, limit)
    }
    fn count(&self, filter: &Filter) -> Result<usize> {
        self.count_impl(filter)
    }
    fn counts(&self) -> Result<Counts> {
        self.counts_impl()
    }
    fn search(&self, query: &Query, order: Order, limit: usize) -> Result<Vec<SearchHit>> {
        self.search_impl(query, order, limit)
    }
    fn state(&self, id: &ArticleId) -> Result<Option<ArticleState>> {
        self.state_impl(id)
    }
    fn set_read(&mut self, ids: &[ArticleId], read: bool) -> Result<usize> {
        self.set_state(ids, StateColumn::Read, &read)
    }
    fn set_starred(&mut self, ids: &[ArticleId], starred: bool) -> Result<usize> {
        self.set_state(ids, StateColumn::Starred, &starred)
    }
    fn set_deleted(&mut self, ids: &[ArticleId], deleted: bool) -> Result<usize> {
        self.set_state(ids, StateColumn::Deleted, &deleted)
    }
    fn set_position(&mut self, id: &ArticleId, position: Position) -> Result<bool> {
        self.set_position_impl(id, position)
    }
    fn set_last_search(&mut self, id: &ArticleId, search: Option<&str>) -> Result<bool> {
        self.set_state(std::slice::from_ref(id), StateColumn::LastSearch, &search).map(|n| n > 0)
    }
    fn push_history(&mut self, query: &str) -> Result<()> {
        self.push_history_impl(query)
    }
    fn history(&self, limit: usize) -> Result<Vec<String>> {
        self.history_impl(limit)
    }
    fn save_search(&mut self, name: &str, query: &str) -> Result<SavedSearch> {
        self.save_search_impl(name, query)
    }
    fn saved_searches(&self) -> Result<Vec<SavedSearch>> {
        self.saved_searches_impl()
    }
    fn delete_saved_search(&mut self, id: i64) -> Result<bool> {
        self.delete_saved_search_impl(id)
    }
    fn session_get(&self, key: &str) -> Result<Option<String>> {
        self.session_get_impl(key)
    }
    fn session_set(&mut self, key: &str, value: &str) -> Result<()> {
        self.session_set_impl(key, value)
    }
    fn people_page(&self, filter: &str, sort: PeopleSort, offset: usize, limit: usize) -> Result<Vec<PersonRow>> {
        self.people_page_impl(filter, sort, offset, limit)
    }
    fn people_count(&self, filter: &str) -> Result<usize> {
        self.people_count_impl(filter)
    }
    fn person(&self, id: PersonId) -> Result<Option<PersonPage>> {
        self.person_impl(id)
    }
    fn merge_people(&mut self, a: PersonId, b: PersonId) -> Result<bool> {
        self.merge_impl(a, b)
    }
    fn split_person(&mut self, person: PersonId, name: &str) -> Result<Option<PersonId>> {
        self.split_impl(person, name)
    }
    fn feed_statuses(&self) -> Result<Vec<FeedStatus>> {
        self.feed_statuses_impl()
    }
    fn full_text(&self, id: &ArticleId) -> Result<Option<crate::sources::feed::FullText>> {
        self.full_text_impl(id)
    }
    fn set_full_text(&mut self, id: &ArticleId, text: &crate::sources::feed::FullText) -> Result<()> {
        self.set_full_text_impl(id, text)
    }
}
