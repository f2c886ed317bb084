//! Finding name candidates: runs of capitalised words, the part of a run that is a name, and
//! the shape of that name (Korean or Chinese family name first, given name known, ...).

use super::lexicon::{
    self, CN_SURNAME, COMMON, CONNECTOR, COURTESY, GEO_TAIL, KR_SURNAME, Lexicon, MARKET, MODIFIER, NATION, ORG,
    PARTICLE, PLACE, STOP, SUFFIX, TIME, TITLE, WordSet,
};
use super::tokens::{Tok, is_party_tag, tokenize};

/// Per-token flag (beside the lexicon's): a known given name.
pub const GIVEN: u32 = 1 << 24;
/// With [`GIVEN`]: a given name only the world list knows.
pub const WORLD: u32 = 1 << 25;

/// One tokenized piece of text with the lexicon flags of its tokens.
pub struct Para<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok>,
    pub flags: Vec<u32>,
    pub lex: &'static Lexicon,
    /// Words the article writes in lower case somewhere ("wrapping", "overall").
    pub lower: &'a WordSet<'a>,
    /// Capitalised words the article uses alone right before or after a verb of speech
    /// ("Hatcher said", "said Hatcher").
    pub speakers: &'a WordSet<'a>,
    /// A byline or credit line: every run of capitalised words there is a name.
    pub credit: bool,
    /// Tokens that are names in a squad list (see `lists::squad`).
    pub listed: Vec<bool>,
    pub buf: String,
}

impl<'a> Para<'a> {
    pub fn new(lex: &'static Lexicon, lower: &'a WordSet<'a>, speakers: &'a WordSet<'a>) -> Self {
        Para {
            text: "",
            toks: Vec::new(),
            flags: Vec::new(),
            lex,
            lower,
            speakers,
            credit: false,
            listed: Vec::new(),
            buf: String::new(),
        }
    }

    /// Tokenizes `text` and looks every word up once.
    pub fn load(&mut self, text: &'a str) {
        self.text = text;
        tokenize(text, &mut self.toks);
        self.flags.clear();
        for t in &self.toks {
            let mut f = 0;
            if t.is_word() {
                let core = t.core(text);
                f = self.lex.flags(core, &mut self.buf);
                if t.cap && !t.acronym {
                    f |= match self.lex.given(core, &mut self.buf) {
                        Some(true) => GIVEN,
                        Some(false) => GIVEN | WORLD,
                        None => 0,
                    };
                }
            }
            self.flags.push(f);
        }
    }

    pub fn word(&self, i: usize) -> &'a str {
        self.toks[i].text(self.text)
    }

    pub fn core(&self, i: usize) -> &'a str {
        self.toks[i].core(self.text)
    }

    /// Whether the article writes this capitalised word in lower case elsewhere.
    pub fn lower_elsewhere(&mut self, i: usize) -> bool {
        lexicon::key(self.toks[i].core(self.text), &mut self.buf);
        self.lower.contains(self.buf.as_str())
    }

    fn in_run(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if !t.is_word() || t.cjk {
            return false;
        }
        if t.cap || t.initial {
            return true;
        }
        // "von der Leyen", "de Gaulle": a particle between capitalised words.
        self.flags[i] & PARTICLE != 0
            && i > 0
            && self.toks[i - 1].is_word()
            && self.toks.get(i + 1).is_some_and(|n| n.cap || self.flags[i + 1] & PARTICLE != 0)
    }

    /// Maximal runs of capitalised words, `[start, end)`; a possessive ends a run.
    pub fn runs(&self, out: &mut Vec<(usize, usize)>) {
        out.clear();
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            if !self.in_run(i) || (self.flags[i] & PARTICLE != 0 && !self.toks[i].cap) {
                i += 1;
                continue;
            }
            let start = i;
            while i < n && self.in_run(i) {
                i += 1;
                if self.toks[i - 1].possessive {
                    break;
                }
            }
            out.push((start, i));
        }
    }

    fn nameable(&self, i: usize, rs: usize, last: bool) -> bool {
        let t = &self.toks[i];
        let f = self.flags[i];
        // "Martin Luther King": a title word after a given name is a surname, unless that
        // given name is itself a role word ("German Chancellor", "BOK Governor").
        let given_left = i > rs
            && self.flags[i - 1] & GIVEN != 0
            && self.flags[i - 1] & (TITLE | NATION | PLACE | ORG | MODIFIER | STOP) == 0
            && !self.toks[i - 1].acronym;
        if t.initial {
            return true;
        }
        if f & SUFFIX != 0 && last && i > rs {
            return true;
        }
        // "R-La.", "D-Ore.": a party tag after a name, never part of one.
        if is_party_tag(self.word(i)) {
            return false;
        }
        // A given name that is also a month or a modal ("May", "June", "Will"): a name only
        // right beside another name ("May Kensington-Hale", "Theresa May"), not "in May Spain".
        if f & GIVEN != 0 && t.cap && f & (STOP | TIME) != 0 && !self.word(i).ends_with('.') {
            if last {
                return given_left;
            }
            let after_stop = i > 0 && self.toks[i - 1].is_word() && self.flags[i - 1] & STOP != 0;
            let nf = self.flags[i + 1];
            let next_ok = self.toks[i + 1].cap
                && !self.toks[i + 1].acronym
                && nf & (TIME | STOP | ORG | PLACE | NATION | TITLE | COMMON | GEO_TAIL) == 0;
            return next_ok && !after_stop;
        }
        // A function word with a capital in mid-sentence, ending a name ("Nguyen Van An"): the
        // article "an" is not capitalised there, so it is the name's last part.
        if f & STOP != 0 && f & TIME == 0 && t.cap && last && !t.sent_start && i > rs && self.word(i).len() >= 2 {
            let (p, pf) = (&self.toks[i - 1], self.flags[i - 1]);
            if p.is_word() && p.cap && !p.acronym && pf & (STOP | TIME | TITLE | ORG | NATION | PLACE | COURTESY) == 0 {
                return true;
            }
        }
        if t.acronym || (t.possessive && !last) {
            return false;
        }
        if f & PARTICLE != 0 && !t.cap {
            return true;
        }
        // A given name that is also a nationality, a place or a common noun, before a surname:
        // "Christian Lindner", "Jordan Bardella", "Bill Hatcher"; alone it is the other thing.
        let given_first = f & GIVEN != 0 && t.cap && !last;
        if f & (NATION | ORG) != 0 && given_first && f & (STOP | TIME | MODIFIER | COMMON | COURTESY | TITLE) == 0 {
            return true;
        }
        // "Jan Hatzius", but "Jan. 5".
        if f & TIME != 0 && given_first && !self.word(i).ends_with('.') && f & (STOP | NATION | ORG | TITLE) == 0 {
            return true;
        }
        if f & (STOP | TIME | NATION | ORG | MODIFIER | COMMON | COURTESY) != 0 {
            return false;
        }
        if f & TITLE != 0 {
            return given_left;
        }
        if f & PLACE != 0 {
            return given_first || given_left;
        }
        t.cap
    }

    /// The part of the run `[rs, re)` that is a name, `[ns, ne)`, if any.
    pub fn name_span(&mut self, rs: usize, re: usize) -> Option<(usize, usize)> {
        let mut ns = re;
        while ns > rs && self.nameable(ns - 1, rs, ns == re) {
            ns -= 1;
        }
        if ns == rs + 1 && re - rs == 2 && self.given_title(rs) {
            ns = rs;
        }
        let mut ne = re;
        while ns < ne && (self.toks[ns].is_word() && !self.toks[ns].cap) {
            ns += 1;
        }
        while ne > ns && (self.toks[ne - 1].initial || !self.toks[ne - 1].cap) {
            ne -= 1;
        }
        if ns >= ne {
            return None;
        }
        // A capitalised everyday word opening the sentence: "Yesterday John Smith".
        if ne - ns >= 2
            && self.toks[ns].sent_start
            && self.flags[ns] & (GIVEN | KR_SURNAME | CN_SURNAME) == 0
            && self.lower_elsewhere(ns)
        {
            ns += 1;
        }
        // Part of a larger entity: "Central Park", "Korea Herald", "COEX Mall"; but not the end
        // of a title: "Secretary of State Antony Blinken".
        if ns > rs {
            let (p, pf) = (&self.toks[ns - 1], self.flags[ns - 1]);
            // A nationality before a full name describes the person: "Dutch Vera Koopman".
            let nationality = pf & NATION != 0 && pf & (PLACE | ORG | COMMON) == 0 && !p.acronym && ne - ns >= 2;
            let entity = (pf & (PLACE | NATION | ORG | COMMON) != 0 || p.acronym) && !nationality;
            if entity && pf & (TITLE | COURTESY) == 0 && !p.possessive && !self.title_before(ns - 1) {
                return None;
            }
        }
        // "Mai Dich cemetery", "Hood River valley": a place.
        if let Some(next) = self.toks.get(ne)
            && next.is_word()
            && !next.cap
            && self.flags[ne] & GEO_TAIL != 0
            && !self.credit
        {
            return None;
        }
        // "Brent crude", "Bund yields", "the Fianna Fail party": a market or an organisation
        // ("Ramaphosa's government" is his).
        if self.toks.get(ne).is_some_and(|t| t.is_word() && !t.cap)
            && self.flags[ne] & MARKET != 0
            && !self.toks[ne - 1].possessive
        {
            return None;
        }
        let mut core = 0;
        for i in ns..ne {
            let f = self.flags[i];
            if (self.toks[i].cap || f & PARTICLE == 0) && f & SUFFIX == 0 && !self.toks[i].initial {
                core += 1;
            }
        }
        if core == 0 || core > 4 {
            return None;
        }
        // "Union Street", "Riverside Park"; but "Elena Park" in a byline, "Rep. Tom Hall".
        let titled = ns > 0 && self.toks[ns - 1].is_word() && self.flags[ns - 1] & (TITLE | COURTESY) != 0;
        if ne - ns >= 2 && self.flags[ne - 1] & GEO_TAIL != 0 && !self.credit && !titled {
            return None;
        }
        if self.is_entity_phrase(ns, ne) {
            return None;
        }
        Some((ns, ne))
    }

    /// "Dean Kowalczyk", "Major Garrett": a title word that is also a given name, opening a
    /// run of two words with no role word before it, is the given name of the surname after it.
    fn given_title(&self, i: usize) -> bool {
        let (t, f) = (&self.toks[i], self.flags[i]);
        let before_ok = i == 0
            || !self.toks[i - 1].is_word()
            || (self.flags[i - 1] & (TITLE | MODIFIER | NATION | ORG | PLACE) == 0 && !self.toks[i - 1].possessive);
        f & TITLE != 0
            && f & GIVEN != 0
            && t.cap
            && !t.acronym
            && !self.word(i).ends_with('.')
            && self.flags[i + 1] & (GIVEN | TITLE) == 0
            && before_ok
    }

    /// Whether a title word stands a few words before token `at`, joined by capitalised
    /// words and connectors: "Secretary of State", "Minister of Foreign Affairs".
    fn title_before(&self, at: usize) -> bool {
        let mut i = at;
        for _ in 0..6 {
            if i == 0 {
                return false;
            }
            i -= 1;
            let (t, f) = (self.toks[i], self.flags[i]);
            if !t.is_word() {
                return false;
            }
            if f & TITLE != 0 && f & (ORG | PLACE) == 0 {
                return true;
            }
            if !t.cap && f & CONNECTOR == 0 {
                return false;
            }
        }
        false
    }

    fn is_entity_phrase(&mut self, ns: usize, ne: usize) -> bool {
        let mut joined = String::new();
        for w in ns..ne {
            joined.clear();
            for (k, i) in (w..ne.min(w + 3)).enumerate() {
                if k > 0 {
                    joined.push(' ');
                }
                lexicon::key(self.toks[i].core(self.text), &mut self.buf);
                joined.push_str(&self.buf);
                if self.lex.is_phrase(&joined) {
                    return true;
                }
            }
        }
        false
    }

    /// Whether a name's given part is hyphenated in the Korean way: "Ki-moon", "Geun-hye".
    pub fn hyphen_given(&self, i: usize) -> bool {
        let w = self.core(i);
        match w.split_once('-') {
            Some((a, b)) => {
                a.chars().next().is_some_and(char::is_uppercase)
                    && a.chars().skip(1).all(char::is_lowercase)
                    && !b.is_empty()
                    && b.chars().all(char::is_lowercase)
            }
            None => false,
        }
    }

    /// Whether the name `[ns, ne)` is written family name first (Korean or Chinese).
    pub fn family_first(&self, ns: usize, ne: usize) -> bool {
        let f = self.flags[ns];
        if f & (KR_SURNAME | CN_SURNAME) == 0 || ne - ns < 2 || ne - ns > 3 {
            return false;
        }
        if ne - ns == 2 {
            return self.hyphen_given(ns + 1)
                || (f & CN_SURNAME != 0 && self.flags[ns + 1] & GIVEN == 0 && !self.core(ns + 1).contains('-'));
        }
        f & KR_SURNAME != 0 && (ns + 1..ne).all(|i| self.core(i).len() <= 4 && self.flags[i] & GIVEN == 0)
    }
}
