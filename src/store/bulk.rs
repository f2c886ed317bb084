//! Adding many articles at once. Two costs dominate: finding each article's people (parallel,
//! with rayon) and the store's writes (one connection, one thread). They are overlapped: batch
//! n+1 is prepared on a thread of its own while batch n is written.

use std::sync::mpsc::sync_channel;

use rayon::prelude::*;

use super::{NewArticle, Store, UpsertReport};
use crate::article::Article;
use crate::people::{Person, extract_with_mentions};

/// Articles prepared (and then written) together: large enough that a transaction's fixed cost
/// and the index's flush are spread thin, small enough that the first batch is written early
/// and the two stages overlap for most of a large import.
pub const BATCH: usize = 1000;

/// Runs `produce` on a thread of its own and hands each value it sends to `consume` on this
/// thread as soon as it is made, with at most one more waiting, so the two overlap. `produce`
/// sends with the function it is given, which says `false` once `consume` has failed: it
/// should stop then. The first error of `consume` is returned, after `produce` has ended.
///
/// # Errors
/// The first error of `consume`.
pub fn overlapped<T: Send, E>(
    produce: impl FnOnce(&dyn Fn(T) -> bool) + Send,
    mut consume: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E> {
    let (send, receive) = sync_channel::<T>(1);
    std::thread::scope(|scope| {
        scope.spawn(move || produce(&|value| send.send(value).is_ok()));
        // On an error the receiver is dropped here, so the producer's next send fails and it
        // stops; the scope waits for it.
        for value in receive {
            consume(value)?;
        }
        Ok(())
    })
}

/// The people of `articles`, found in parallel, as the reader shows them (mentions counted in
/// the text shown).
#[must_use]
pub fn people_of(articles: &[&Article]) -> Vec<Vec<Person>> {
    articles.par_iter().map(|a| extract_with_mentions(a)).collect()
}

/// Upserts `articles` (files: no feed) with their people, in batches of [`BATCH`]: the people of
/// one batch are found while the batch before is written, each batch in a transaction of its
/// own. `date` gives each article's sorting date (see [`NewArticle::date`]).
///
/// # Errors
/// The store's first error; the batches before it stay written.
pub fn upsert_with_people<S: Store + ?Sized>(
    store: &mut S,
    articles: &[&Article],
    date: impl Fn(&Article) -> Option<i64>,
) -> super::Result<UpsertReport> {
    let mut total = UpsertReport::default();
    overlapped(
        |send| {
            for batch in articles.chunks(BATCH) {
                if !send((batch, people_of(batch))) {
                    break;
                }
            }
        },
        |(batch, people): (&[&Article], Vec<Vec<Person>>)| -> super::Result<()> {
            let new: Vec<NewArticle<'_>> = batch
                .iter()
                .zip(&people)
                // A feed file's items keep their link, to open or fetch in full from the library.
                .map(|(a, p)| NewArticle { link: a.link.as_deref(), ..NewArticle::new(a, p, date(a)) })
                .collect();
            total.add(store.upsert(&new)?);
            Ok(())
        },
    )?;
    Ok(total)
}

impl UpsertReport {
    /// Counts `other` in with this one.
    pub fn add(&mut self, other: UpsertReport) {
        self.added += other.added;
        self.updated += other.updated;
        self.unchanged += other.unchanged;
    }
}

#[cfg(test)]
mod tests {
    use super::{BATCH, overlapped, upsert_with_people};
    use crate::article::{ArticleId, parse};
    use crate::store::{SqliteStore, Store};

    #[test]
    fn every_value_is_consumed_in_order_and_an_error_stops_the_producer() {
        let mut seen = Vec::new();
        let done: Result<(), ()> = overlapped(
            |send| {
                for i in 0..50 {
                    assert!(send(i), "nothing failed yet");
                }
            },
            |i| {
                seen.push(i);
                Ok(())
            },
        );
        assert_eq!(done, Ok(()));
        assert_eq!(seen, (0..50).collect::<Vec<_>>());

        let sent = std::sync::atomic::AtomicUsize::new(0);
        let done = overlapped(
            |send| {
                for i in 0..1000 {
                    sent.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if !send(i) {
                        return;
                    }
                }
            },
            |i| if i == 3 { Err(format!("failed at {i}")) } else { Ok(()) },
        );
        assert_eq!(done, Err("failed at 3".to_string()));
        // The value failed on, one waiting in the channel, one being sent: never all 1000.
        assert!(sent.into_inner() <= 6);
    }

    #[test]
    fn more_articles_than_a_batch_are_all_stored_with_their_people() {
        let mut store = SqliteStore::in_memory().expect("a library");
        let articles: Vec<_> = (0..BATCH + 5)
            .map(|i| {
                let mut a = parse(
                    &format!("Talks {i}\n\nSEOUL (Yonhap) -- Foreign Minister Park Jin said talks {i} would resume.\n"),
                    "a.txt",
                );
                a.id = ArticleId::from_stored(format!("a{i}"));
                a
            })
            .collect();
        let all: Vec<_> = articles.iter().collect();
        let report = upsert_with_people(&mut store, &all, |_| Some(7)).expect("stored");
        assert_eq!((report.added, report.updated, report.unchanged), (BATCH + 5, 0, 0));
        let last = store.article(&articles[BATCH + 4].id).expect("reads").expect("there");
        assert_eq!(last.people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Park Jin"]);
        assert_eq!(last.date, 7);
        let again = upsert_with_people(&mut store, &all, |_| None).expect("stored");
        assert_eq!(again.unchanged, BATCH + 5);
    }
}
