//! The people view and a person's page through the real binary: a library made of a few wire
//! stories naming overlapping people, then screenshots of `P` and what follows.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

mod home;
use home::cyberreader;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/people_view")
}

/// A temporary home with the fixtures added to a library in it.
fn library() -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("library.db");
    cyberreader(home.path()).arg("--db").arg(&db).arg("--json").arg(fixtures()).assert().success();
    (home, db)
}

fn shot(home: &Path, db: &Path, size: &str, keys: &str, files: bool) -> String {
    let mut cmd = cyberreader(home);
    cmd.arg("--db").arg(db).args(["--screenshot", "--size", size, "--keys", keys]);
    if files {
        cmd.arg(fixtures());
    }
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

/// The row of the screen that holds `name`, spaces collapsed.
fn row_of(screen: &str, name: &str) -> String {
    let line = screen.lines().find(|l| l.contains(name)).unwrap_or_else(|| panic!("{name}:\n{screen}"));
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn p_lists_everyone_by_articles_with_role_last_date_and_unread() {
    let (home, db) = library();
    let screen = shot(home.path(), &db, "120x40", "P", false);
    assert!(screen.contains("People (5) · by articles"), "{screen}");
    assert!(row_of(&screen, "Ilse Varga").contains("Ilse Varga 4 7 4 2024-05-05 Prime Minister"), "{screen}");
    assert!(row_of(&screen, "Jan Kolar").contains("Jan Kolar 2 4 2 2024-05-09 —"), "{screen}");
    let order: Vec<usize> =
        ["Ilse Varga", "Marek Novak", "Jan Kolar", "Tomas Berg"].iter().map(|n| screen.find(n).unwrap()).collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{screen}");
    assert!(screen.lines().last().unwrap().contains("ALL PEOPLE  person 1/5"), "{screen}");
    // Typing a filter; sorting by name.
    let filtered = shot(home.path(), &db, "80x24", "P/kol", false);
    assert!(filtered.contains("Filter: kol") && filtered.contains("People (1)"), "{filtered}");
    assert!(filtered.contains("Jan Kolar") && !filtered.contains("Ilse Varga"), "{filtered}");
    let by_name = shot(home.path(), &db, "80x24", "Psss", false);
    assert!(by_name.contains("by name") && by_name.find("Ilse Varga") < by_name.find("Jan Kolar"), "{by_name}");
    assert!(by_name.find("Tomas Berg") > by_name.find("Paula Ross"), "{by_name}");
}

#[test]
fn enter_shows_the_persons_roles_timeline_quotes_and_associates() {
    let (home, db) = library();
    let screen = shot(home.path(), &db, "120x40", "P<Enter>", false);
    assert!(screen.contains("Ilse Varga · Prime Minister"), "{screen}");
    assert!(screen.contains("4 articles · 7 mentions · 2 quotes"), "{screen}");
    assert!(row_of(&screen, "Foreign Minister").contains("2024-03-03 – 2024-03-10 Foreign Minister"), "{screen}");
    assert!(row_of(&screen, "Summit ends").contains("2024-04-02 ×2 Summit ends without deal"), "{screen}");
    assert!(screen.find("Ministers meet") < screen.find("Floods close river port"), "{screen}");
    assert!(screen.contains("“We want an agreement before the summer floods”"), "{screen}");
    assert!(screen.contains("— 2024-03-10, Dam inspection ordered after talks"), "{screen}");
    let associates = &screen[screen.find("Named with them").unwrap()..];
    assert!(associates.contains("Marek Novak") && !associates.contains("Tomas Berg"), "{screen}");
    // Enter on an article: the reader, the person picked in the sidebar.
    let read = shot(home.path(), &db, "120x40", "P<Enter><Tab><Enter>", false);
    assert!(
        read.contains("┏ People (4)") && read.lines().last().unwrap().contains("[Ilse Varga: 2 mentions]"),
        "{read}"
    );
    // Enter on an associate: their page; q: back to the first page.
    let novak = shot(home.path(), &db, "120x40", "P<Enter><Tab><Tab><Tab><Enter>", false);
    assert!(novak.contains("┏ Marek Novak"), "{novak}");
    let back = shot(home.path(), &db, "120x40", "P<Enter><Tab><Tab><Tab><Enter>q", false);
    assert!(back.contains("┏ Ilse Varga"), "{back}");
}

#[test]
fn a_merge_is_kept_in_a_library_that_can_be_written_and_refused_in_one_that_cannot() {
    let (home, db) = library();
    // Reading the library without files opens it read-only: the merge is refused, and said so.
    let refused = shot(home.path(), &db, "120x12", "Pjjmjm", false);
    assert!(refused.contains("Could not merge Jan Kolar into Paula Ross"), "{refused}");
    // Given the files, the run writes to the library: Jan Kolar becomes part of Paula Ross.
    let merged = shot(home.path(), &db, "120x12", "Pjjmjm", true);
    assert!(merged.contains("Merged Jan Kolar into Paula Ross (u splits them again)"), "{merged}");
    assert!(merged.contains("People (4)") && !merged.contains("Jan Kolar  "), "{merged}");
    assert!(row_of(&merged, "Paula Ross").contains("Paula Ross 4 7 4"), "{merged}");
    let later = shot(home.path(), &db, "120x12", "P", false);
    assert!(later.contains("People (4)") && row_of(&later, "Paula Ross").contains("Paula Ross 4 7"), "{later}");
    // Undo in the same run: two people never named together (so every article of the merged
    // one still calls them by that name) are split apart again.
    let (home, db) = library();
    let undone = shot(home.path(), &db, "120x12", "Pjjjmjmu", true);
    assert!(undone.contains("People (5)"), "{undone}");
    assert!(undone.contains("Tomas Berg is a person of their own again"), "{undone}");
}
