use super::*;

const SEED_17: &str =
    include_str!("../../../articles/yonhap-2013-10-17-un-chief-calls-for-global-cyberspace-norms.txt");
const SEED_18: &str =
    include_str!("../../../articles/yonhap-2013-10-18-officials-agree-on-online-safety-cooperation.txt");

fn dateline(a: &Article) -> (Option<&str>, Option<&str>, Option<&str>) {
    let d = a.dateline.as_ref().expect("a dateline");
    (d.place.as_deref(), d.date.as_deref(), d.agency.as_deref())
}

#[test]
fn seed_with_boilerplate_and_comma_slip() {
    let a = parse(SEED_17, "articles/a.txt");
    assert_eq!(a.title, "U.N. chief calls for global cyberspace norms");
    assert_eq!(dateline(&a), (Some("SEOUL"), Some("Oct. 17"), Some("Yonhap")));
    assert_eq!(a.byline, None);
    assert!(a.paragraphs[0].starts_with("The international community should work together"));
    assert!(a.paragraphs[0].ends_with("the chief of the United Nations said Thursday."));
    assert_eq!(a.rights.as_deref(), Some("All rights reserved by Yonhap News Agency"));
    assert_eq!(a.paragraphs.len(), 15);
    assert!(a.paragraphs.last().unwrap().starts_with("\"This gathering is expected"));
    let all = a.paragraphs.join("\n");
    assert!(!all.contains("Connect to share"));
    assert!(!all.contains("rights reserved"));
    assert!(a.credits.is_empty());
    assert_eq!(a.deck, None);
}

#[test]
fn second_seed() {
    let a = parse(SEED_18, "articles/b.txt");
    assert_eq!(a.title, "Gov't officials, civil leaders agree on online safety cooperation");
    assert_eq!(dateline(&a), (Some("SEOUL"), Some("Oct. 18"), Some("Yonhap")));
    assert!(a.paragraphs[0].starts_with("Foreign and information technology ministers"));
    assert_eq!(a.paragraphs.len(), 15);
    assert_eq!(a.rights.as_deref(), Some("All rights reserved by Yonhap News Agency"));
}

#[test]
fn ap_story_with_byline_and_affiliation() {
    let text = "Storm floods river towns\n\nBy MARÍA LÓPEZ-GARCÍA and TOM O'NEIL\nAssociated Press\n\n\
        HARTFORD, Conn. (AP) — Rising water closed roads on Tuesday.\n\nCrews worked overnight.\n\n\
        Associated Press writer Ana Ruiz in Boston contributed to this report.\n\n\
        Copyright 2024 The Associated Press. All rights reserved.\n";
    let a = parse(text, "x.txt");
    assert_eq!(a.title, "Storm floods river towns");
    assert_eq!(a.byline.as_deref(), Some("María López-García and Tom O'Neil"));
    assert_eq!(dateline(&a), (Some("HARTFORD, Conn."), None, Some("AP")));
    assert_eq!(a.paragraphs, ["Rising water closed roads on Tuesday.", "Crews worked overnight."]);
    assert_eq!(a.credits, ["Associated Press writer Ana Ruiz in Boston contributed to this report."]);
    assert_eq!(a.rights.as_deref(), Some("Copyright 2024 The Associated Press. All rights reserved."));
}

#[test]
fn reuters_with_credits_in_parentheses() {
    let text = "Copper climbs on supply worries\n\nLONDON, March 6 (Reuters) - Copper prices rose on Wednesday\n\
        as smelters cut output, traders said.\n\nStocks at warehouses fell.\n\n\
        (Reporting by Jo Smith; Editing by Lee Brown)\n";
    let a = parse(text, "x.txt");
    assert_eq!(dateline(&a), (Some("LONDON"), Some("March 6"), Some("Reuters")));
    assert_eq!(a.paragraphs[0], "Copper prices rose on Wednesday as smelters cut output, traders said.");
    assert_eq!(a.credits, ["Reporting by Jo Smith; Editing by Lee Brown"]);
    assert_eq!(a.rights, None);
}

#[test]
fn afp_and_place_only_datelines() {
    let a = parse("Strike halts trains\n\nParis (AFP) - Trains stopped.\n", "x.txt");
    assert_eq!(dateline(&a), (Some("Paris"), None, Some("AFP")));
    let a = parse("Markets rally\n\nSÃO PAULO — Shares jumped on Monday.\n\nMore text.", "x.txt");
    assert_eq!(dateline(&a), (Some("SÃO PAULO"), None, None));
    assert_eq!(a.paragraphs[0], "Shares jumped on Monday.");
}

#[test]
fn no_dateline() {
    let a = parse("Opinion: the long view\n\nBy Sam Lee\n\nIt has been a long year.\n", "x.txt");
    assert_eq!(a.dateline, None);
    assert_eq!(a.byline.as_deref(), Some("Sam Lee"));
    assert_eq!(a.paragraphs, ["It has been a long year."]);
}

#[test]
fn yonhap_end_marker_is_dropped() {
    let a = parse("Title here\n\nSEOUL, Jan. 3 (Yonhap) -- Snow fell. (END)\n", "x.txt");
    assert_eq!(a.paragraphs, ["Snow fell."]);
    let a = parse("Title here\n\nSEOUL, Jan. 3 (Yonhap) -- Snow fell.\n\nIt melted.\n\n(END)\n", "x.txt");
    assert_eq!(a.paragraphs, ["Snow fell.", "It melted."]);
}

#[test]
fn bom_crlf_lone_cr_and_tabs() {
    let a = parse("\u{feff}Head\tline\r\n\r\nSEOUL (Yonhap) -- One\r\ntwo.\r\n\r\nThree.\r", "x.txt");
    assert_eq!(a.title, "Head line");
    assert_eq!(a.paragraphs, ["One two.", "Three."]);
    let a = parse("Head\r\rBody one.\rBody two is here.\r", "x.txt");
    assert_eq!(a.title, "Head");
    assert_eq!(a.paragraphs, ["Body one. Body two is here."]);
}

#[test]
fn hard_wrapped_paragraphs_join_and_long_lines_stay_apart() {
    let long1 = "A".repeat(5) + &" word".repeat(40);
    let long2 = "B".repeat(5) + &" word".repeat(40);
    let a = parse(&format!("Head\n{long1}\n{long2}\n"), "x.txt");
    assert_eq!(a.title, "Head");
    assert_eq!(a.paragraphs, [long1, long2]);
    let a = parse("Head\n\nShort line one\nshort line two\n  Indented new paragraph\nand its tail\n", "x.txt");
    assert_eq!(a.paragraphs, ["Short line one short line two", "Indented new paragraph and its tail"]);
}

#[test]
fn escape_sequences_are_gone_and_text_around_survives() {
    let a = parse(
        "Bad\u{1b}]0;owned\u{7} title\n\nWASHINGTON (AP) — Text\u{1b}[2J here\u{202e} and\u{9b}31m there.\n",
        "x.txt",
    );
    assert_eq!(a.title, "Bad title");
    assert_eq!(a.paragraphs, ["Text here and there."]);
}

#[test]
fn no_headline_takes_the_first_sentence() {
    let a = parse("SEOUL (Yonhap) -- The first sentence is here. And more follows.\n", "x.txt");
    assert_eq!(a.title, "The first sentence is here.");
    assert_eq!(dateline(&a), (Some("SEOUL"), None, Some("Yonhap")));
}

#[test]
fn deck_between_headline_and_dateline() {
    let a = parse("Big headline\n\nA smaller line that explains it\n\nTOKYO (Kyodo) -- Body.\n", "x.txt");
    assert_eq!(a.deck.as_deref(), Some("A smaller line that explains it"));
    assert_eq!(a.paragraphs, ["Body."]);
}

#[test]
fn bylines_are_read_carefully() {
    assert_eq!(byline_name("By Jane Doe, Reuters").as_deref(), Some("Jane Doe"));
    assert_eq!(byline_name("By Jane Doe | AP Science Writer").as_deref(), Some("Jane Doe"));
    assert_eq!(byline_name("BY JEAN-LUC PICARD").as_deref(), Some("Jean-Luc Picard"));
    assert_eq!(byline_name("By Tuesday, the ministry said"), None);
    assert_eq!(byline_name("By the way"), None);
}

#[test]
fn wire_version_labels_leave_the_headline() {
    assert_eq!(strip_wire_label("UPDATE 1-Oil slips"), "Oil slips");
    assert_eq!(strip_wire_label("CORRECTED-UPDATE 2-Shares edge up"), "Shares edge up");
    assert_eq!(strip_wire_label("REFILE-Retail sales slow"), "Retail sales slow");
    assert_eq!(strip_wire_label("(LEAD) Seoul, Tokyo agree"), "Seoul, Tokyo agree");
    assert_eq!(strip_wire_label("(2nd LD) Talks resume"), "Talks resume");
    assert_eq!(strip_wire_label("(URGENT) (LEAD) N. Korea fires missile"), "N. Korea fires missile");
    // Genre labels and words that only look like labels stay.
    assert_eq!(strip_wire_label("(News Focus) Chip exports slow"), "(News Focus) Chip exports slow");
    assert_eq!(strip_wire_label("LEAD-TAINTED WATER FOUND"), "LEAD-TAINTED WATER FOUND");
    assert_eq!(strip_wire_label("Anti-war rally draws thousands"), "Anti-war rally draws thousands");
    assert_eq!(strip_wire_label("UPDATE 1-"), "UPDATE 1-");
}

#[test]
fn editors_note_stays_and_the_dateline_is_read_after_it() {
    let a = parse(
        "Head\n\nEDITOR'S NOTE — This story is part of a series.\n\nJUNEAU, Alaska (AP) — The ice melts.\n",
        "x.txt",
    );
    assert_eq!(dateline(&a), (Some("JUNEAU, Alaska"), None, Some("AP")));
    assert_eq!(a.paragraphs, ["EDITOR'S NOTE — This story is part of a series.", "The ice melts."]);
    assert_eq!(a.deck, None);
}

#[test]
fn furniture_advisories_captions_and_time_stamps_are_dropped() {
    let text = "UPDATE 1-Head\n\n(Adds analyst comment, updates prices)\n\nBy Mei Tanaka\n\n3 min read\n\n\
        Updated 4:12 PM CDT, May 1, 2024\n\nMarch 6, 2024\n\nJan 5 (Reuters) - Shares rose.\n\n\
        FILE - A trader works. (AP Photo/Ray Dunn, File)\n\nPhoto: A trader works\nat a desk.\n\n\
        Related: Another headline\n\n(ATTN: ADDS details)\n\nThey fell later.\n\n\
        Our Standards: The Thomson Reuters Trust Principles.\n";
    let a = parse(text, "x.txt");
    assert_eq!(a.title, "Head");
    assert_eq!(a.byline.as_deref(), Some("Mei Tanaka"));
    assert_eq!(a.deck, None);
    assert_eq!(dateline(&a), (None, Some("Jan 5"), Some("Reuters")));
    assert_eq!(a.paragraphs, ["Shares rose.", "They fell later."]);
}

#[test]
fn dates_inside_sentences_are_not_time_stamps() {
    assert!(is_timestamp("March 6, 2024"));
    assert!(is_timestamp("Published: Jan. 5, 2024 at 9:30 a.m. KST"));
    assert!(!is_timestamp("on March 6, 2024."));
    assert!(!is_timestamp("March 6, 2024."));
    assert!(!is_timestamp("updated on March 6"));
    assert!(!is_timestamp("Published in 1998, the book sold well"));
    assert!(!is_timestamp("May 2024 brought rain to the region"));
    let a = parse("Head\n\nThe law takes effect\nMarch 6, 2024, officials said.\n", "x.txt");
    assert_eq!(a.paragraphs, ["The law takes effect March 6, 2024, officials said."]);
}

#[test]
fn wrapped_lines_that_begin_with_by_or_a_credit_word() {
    let a = parse(
        "Head\n\nLONDON (Reuters) - The plan was questioned\nby Finance Minister Karl Brandt.\nMarkets fell.\n",
        "x.txt",
    );
    assert_eq!(a.byline, None);
    assert_eq!(a.paragraphs, ["The plan was questioned by Finance Minister Karl Brandt. Markets fell."]);
    let a = parse("Head\n\nText.\n\nReporting by Mei Tanaka in Tokyo\nEditing by Sam Holt\n", "x.txt");
    assert_eq!(a.credits, ["Reporting by Mei Tanaka in Tokyo", "Editing by Sam Holt"]);
}

#[test]
fn blank_free_file_with_byline_and_wrapped_dateline_paragraph() {
    let a = parse("Head\nBy Tara Quinn\nBOISE, Idaho (AP) — One\ntwo three.\n  Next paragraph.\n", "x.txt");
    assert_eq!(a.title, "Head");
    assert_eq!(a.byline.as_deref(), Some("Tara Quinn"));
    assert_eq!(a.paragraphs, ["One two three.", "Next paragraph."]);
}

#[test]
fn a_dateline_on_a_line_of_its_own() {
    let a = parse("Head\n\nSEOUL, Dec. 2 (Yonhap) --\n\nShares rose.\n\nMore.\n", "x.txt");
    assert_eq!(dateline(&a), (Some("SEOUL"), Some("Dec. 2"), Some("Yonhap")));
    assert_eq!(a.paragraphs, ["Shares rose.", "More."]);
}

#[test]
fn sign_offs_rights_notices_and_bylines_without_commas() {
    let a = parse(
        "Head\n\nSEOUL (Yonhap) -- Text.\n\nhkang@yna.co.kr\n(END)\n\n<All rights reserved by Yonhap News Agency>\n",
        "x.txt",
    );
    assert_eq!(a.paragraphs, ["Text."]);
    assert!(a.credits.is_empty(), "{:?}", a.credits);
    let a = parse("Head\n\nKabul (AFP) - Text.\n\nbur-pab/jmt/as\nob-ach/jj\n", "x.txt");
    assert!(a.credits.is_empty(), "{:?}", a.credits);
    assert_eq!(a.paragraphs, ["Text."]);
    let a = parse(
        "Head\n\nText.\n\nCopyright 2024 The Associated Press. All rights reserved.\n\
        This material may not be published, broadcast, rewritten or redistributed.\n",
        "x.txt",
    );
    assert_eq!(a.paragraphs, ["Text."]);
    assert_eq!(
        a.rights.as_deref(),
        Some(
            "Copyright 2024 The Associated Press. All rights reserved. This material may not be published, \
             broadcast, rewritten or redistributed."
        )
    );
    assert_eq!(byline_name("By LUCILLE BROUSSARD Associated Press").as_deref(), Some("Lucille Broussard"));
    assert_eq!(byline_name("By JANE DOE AP Science Writer").as_deref(), Some("Jane Doe"));
    assert_eq!(byline_name("By Emily Post").as_deref(), Some("Emily Post"));
}

#[test]
fn hard_wrapped_chinese_and_japanese_lines_join_without_a_space() {
    let text = "标题\n\n北京，12月2日电 外交部发言人表示，中韩是搬不走\n的邻居，双方应加强沟通。\n\n見出し\n\n東京都は２日、新型の感染症対策について\n記者会見を開いた。\n\n제목\n\n윤석열 대통령은 2일 국무회의를\n주재했다. Latin words\nwrap with a space 中文\nand so does mixed text.\n";
    let article = parse(text, "cjk.txt");
    let all = article.paragraphs.join("\n");
    assert!(all.contains("中韩是搬不走的邻居，双方应加强沟通。"), "{all}");
    assert!(all.contains("東京都は２日、新型の感染症対策について記者会見を開いた。"), "{all}");
    assert!(all.contains("국무회의를 주재했다. Latin words wrap with a space 中文 and so does"), "{all}");
}

#[test]
fn bylines_with_two_writers_blog_posts_and_closing_writer_lines() {
    let a = parse("Head\n\nBy MARIA LOPEZ and DAVID OKAFOR Associated Press\n\nText here.\n", "x.txt");
    assert_eq!(a.byline.as_deref(), Some("Maria Lopez and David Okafor"));
    let a = parse("Head\n\nBy JANE DOE AP Science Writer\n\nText here.\n", "x.txt");
    assert_eq!(a.byline.as_deref(), Some("Jane Doe"));
    let a = parse("A post\n\nPosted by Jamie Ruiz, March 3\n\nWe went out.\n", "x.txt");
    assert_eq!(a.byline.as_deref(), Some("Jamie Ruiz"));
    assert_eq!(a.paragraphs, ["We went out."]);
    let a = parse("Head\n\nText here.\n\n-- Anna Berg Holm, Oslo newsroom +47 2200 1234\n", "x.txt");
    assert_eq!(a.byline.as_deref(), Some("Anna Berg Holm"));
    assert_eq!(a.paragraphs, ["Text here."]);
    // A closing quotation set off by a dash is no writer's line.
    let a = parse("Head\n\nText here.\n\n-- Thank you, Mr. President\n", "x.txt");
    assert_eq!(a.byline, None);
}
