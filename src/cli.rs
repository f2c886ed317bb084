//! The command line: options, the modes (`--json`, `--screenshot`, the reader), exit codes, and
//! the one place errors are reported to the user.

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::builder::TypedValueParser as _;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::app::{App, library};
use crate::article::Library;
use crate::config::{self, Config};
use crate::keys::parse_keys;
use crate::run::{Exit, run};
use crate::runtime::outside::Outside;
use crate::runtime::store_worker::StoreWorker;
use crate::runtime::{self, AppEvent, Scripted};
use crate::ui::buffer_text;
use crate::{json, terminal};

#[path = "cli_search.rs"]
mod search;

/// A terminal news reader that knows who is in the story.
#[derive(Debug, Parser)]
#[command(
    name = "cyberreader",
    version = env!("CYBERREADER_VERSION_LINE"),
    about,
    disable_help_subcommand = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Read settings, keys and colours from this file instead of the default config file
    /// (also CYBERREADER_CONFIG).
    #[arg(long, value_name = "PATH", global = true)]
    pub config: Option<PathBuf>,

    /// The library to keep articles and reading state in (also CYBERREADER_DB); `:memory:` keeps
    /// nothing. Default: $XDG_DATA_HOME/cyberreader/library.db, else
    /// ~/.local/share/cyberreader/library.db.
    #[arg(long, value_name = "PATH", global = true)]
    pub db: Option<PathBuf>,

    /// Articles to read: plain-text files, or directories whose *.txt files are read in name
    /// order. Without any, the bundled articles.
    // Any value, the empty one included: a bad path is the loader's to report and skip, not a
    // reason to refuse the good ones beside it.
    #[arg(value_name = "FILE|DIR", value_parser = clap::builder::OsStringValueParser::new().map(PathBuf::from))]
    pub paths: Vec<PathBuf>,

    /// Print the parsed articles and the people they name as JSON, and exit.
    #[arg(long, conflicts_with = "screenshot")]
    pub json: bool,

    /// Play --keys on an off-screen terminal of --size and print the final screen as text.
    #[arg(long)]
    pub screenshot: bool,

    /// Keys for --screenshot, vim-style: <Down> <Up> <Left> <Right> <Enter> <Esc> <Tab> <S-Tab>
    /// <PageDown> <PageUp> <Home> <End> <BS> <Del> <Space> <lt> <gt> <F1>..<F12>, and <C-x> for
    /// Ctrl and a letter; other characters are typed as they are.
    #[arg(long, value_name = "KEYS", requires = "screenshot")]
    pub keys: Option<String>,

    /// The off-screen terminal's size, as COLUMNSxROWS.
    #[arg(long, value_name = "WxH", default_value = "80x24", value_parser = parse_size, requires = "screenshot")]
    pub size: (u16, u16),
}

/// What else cyberreader does. A file or directory whose name is one of these is opened as
/// `./NAME`, or after `--`.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the default config file, every setting with a comment, and exit.
    Config {
        /// Print where the config file is read from instead.
        #[arg(long)]
        path: bool,
    },
    /// Print the manual page (roff): cyberreader man | man -l -
    Man,
    /// Print a shell completion script: cyberreader completions bash > ~/.local/share/bash-completion/completions/cyberreader
    Completions {
        /// The shell: bash, zsh, fish, elvish or powershell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    #[command(flatten)]
    Feeds(crate::sources::commands::FeedCommand),
    /// Search the library (it is not written) and print the articles found, best first:
    /// headline, date, place, agency, source, snippet and id. Exit status 1 when nothing
    /// matched, 2 when the query cannot be understood.
    Search {
        /// Words (all must match), "a phrase", -word, prefix*, person:NAME, place:NAME,
        /// agency:NAME, date:YYYY[-MM[-DD]], after:DATE, before:DATE, is:unread|read|starred.
        /// A word that begins with '-' goes inside quotes with another ('talks -sanctions') or
        /// after --.
        #[arg(value_name = "QUERY", required = true)]
        query: Vec<String>,
        /// Print the articles found as the --json document, each with its snippet.
        #[arg(long)]
        json: bool,
        /// The most articles printed; 0 prints all.
        #[arg(long, value_name = "N", default_value_t = 50)]
        limit: usize,
    },
}

/// The command line as clap knows it (with the default keys in its help), for the manual and
/// the completions.
#[must_use]
pub fn command() -> clap::Command {
    Cli::command().after_help(after_help(&crate::app::keymap::Keymap::default()))
}

fn after_help(keymap: &crate::app::keymap::Keymap) -> String {
    let path =
        config::default_path().map_or_else(|| "(none: no home directory)".to_string(), |p| p.display().to_string());
    format!(
        "{}\nConfig file: {path}\n  (cyberreader config prints the defaults to start from)\n\nEnvironment:\n  NO_COLOR             set to anything non-empty: no colours; bold, reverse and underline only.\n  CYBERREADER_CONFIG   the config file to read instead of the one above.\n\nExit status: 0 on success, 2 when nothing could be read, or the options or the config file are wrong.",
        keymap.help_text()
    )
}

/// The `--config` value among raw arguments, read before clap so that `--help` can show the
/// keys the config gives.
fn config_flag(args: &[std::ffi::OsString]) -> Option<PathBuf> {
    let mut it = args.iter().skip(1);
    while let Some(arg) = it.next() {
        if arg == "--" {
            break;
        }
        if arg == "--config" {
            return it.next().map(PathBuf::from);
        }
        if let Some(value) = arg.to_str().and_then(|a| a.strip_prefix("--config=")) {
            return Some(PathBuf::from(value));
        }
    }
    None
}

fn parse_size(text: &str) -> Result<(u16, u16), String> {
    let (w, h) = text
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("'{text}' is not a size: write it as COLUMNSxROWS, like 120x40"))?;
    let w = w.trim().parse::<u16>().map_err(|_| format!("'{w}' is not a number of columns (0 to 65535)"))?;
    let h = h.trim().parse::<u16>().map_err(|_| format!("'{h}' is not a number of rows (0 to 65535)"))?;
    if u32::from(w) * u32::from(h) > 4_000_000 {
        return Err(format!("{w}x{h} is too large for an off-screen terminal"));
    }
    Ok((w, h))
}

/// Runs cyberreader with the process's arguments.
#[must_use]
pub fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let source = config::source(config_flag(&args).as_deref());
    let config = config::load(&source);
    let keymap = config.as_ref().map(|c| c.keymap.clone()).unwrap_or_default();
    let cli = match parse_args(args, &after_help(&keymap)) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    // The manual and the completions describe the program, not this user's config.
    let shipped = match &cli.command {
        Some(Command::Man) => Some(crate::ship::man_page(command())),
        Some(Command::Completions { shell }) => Some(crate::ship::completions(command(), *shell)),
        _ => None,
    };
    if let Some(text) = shipped {
        return write_stdout(&text).unwrap_or_else(|message| {
            say(&message);
            ExitCode::from(2)
        });
    }
    if let Some(Command::Config { path }) = &cli.command {
        let text = match (path, &source) {
            (false, _) => config::default_text(),
            (true, config::Source::Given(p) | config::Source::Default(p)) => format!("{}\n", p.display()),
            (true, config::Source::None) => "no config path: there is no home directory\n".to_string(),
        };
        return write_stdout(&text).unwrap_or_else(|message| {
            say(&message);
            ExitCode::from(2)
        });
    }
    let config = match config {
        Ok(c) => c,
        Err(e) => {
            say(&e.to_string());
            return ExitCode::from(2);
        }
    };
    if let Some(Command::Feeds(command)) = &cli.command {
        return crate::sources::commands::run(command, &config, cli.db.as_deref());
    }
    if let Some(Command::Search { query, json, limit }) = &cli.command {
        let db = match cli.db.clone().map_or_else(crate::store::default_db_path, Ok) {
            Ok(db) => db,
            Err(e) => {
                say(&e.to_string());
                return ExitCode::from(2);
            }
        };
        return search::run(&search::Search { words: query, json: *json, limit: *limit }, &db);
    }
    match run_cli(&cli, &config) {
        Ok(code) => code,
        Err(message) => {
            say(&message);
            ExitCode::from(2)
        }
    }
}

/// Prints one message for the user on standard error, cleaned: it may hold file names, option
/// values or text from a file, none of which may reach the terminal as a control sequence.
pub fn say(message: &str) {
    // Not eprintln!: with the terminal gone, a failed write must not become a panic.
    let _ = writeln!(io::stderr(), "cyberreader: {}", clean(message));
}

/// `text` with every control and escape sequence removed, line by line.
fn clean(text: &str) -> String {
    crate::article::sanitize(text)
}

/// The options, from `args` (the program's name first). A word that looks like an option this
/// reader does not have but names a file that exists (a file called `--x.txt` matched by
/// `*.txt`) is read as that file, with a note; anything else wrong is reported, cleaned, and
/// ends the program with the returned status.
fn parse_args(mut args: Vec<OsString>, after_help: &str) -> Result<Cli, ExitCode> {
    let taken_for_files = files_that_look_like_options(&args);
    let searching = first_word(&args).is_some_and(|a| a == "search");
    let mut renamed = Vec::new();
    for &at in &taken_for_files {
        // Not an option any more, and the same file.
        let as_path = std::path::Path::new(".").join(&args[at]).into_os_string();
        renamed.push((PathBuf::from(&as_path), PathBuf::from(&args[at])));
        args[at] = as_path;
    }
    let mut command = Cli::command().after_help(after_help.to_string());
    let parsed = command
        .try_get_matches_from_mut(args)
        .and_then(|matches| reader_options_with_subcommand(&mut command, &matches).map(|()| matches))
        .and_then(|matches| Cli::from_arg_matches(&matches));
    match parsed {
        Ok(mut cli) => {
            for path in &mut cli.paths {
                if let Some((_, original)) = renamed.iter().find(|(r, _)| r == path) {
                    say(&format!(
                        "note: {} is read as a file, not an option (put -- before file names to say so)",
                        original.display()
                    ));
                    path.clone_from(original);
                }
            }
            Ok(cli)
        }
        Err(e) => {
            let text = clean(&e.render().to_string());
            let code = if e.use_stderr() {
                let mut err = io::stderr();
                let _ = write!(err, "{text}");
                if e.kind() == clap::error::ErrorKind::UnknownArgument && searching {
                    let _ = writeln!(
                        err,
                        "Put -- before query words that begin with '-', or quote them with another: cyberreader search 'talks -sanctions'"
                    );
                } else if e.kind() == clap::error::ErrorKind::UnknownArgument {
                    let _ = writeln!(err, "Put -- before file names that begin with '-': cyberreader -- FILE...");
                }
                ExitCode::from(2)
            } else {
                // `--help | head` closes the pipe early: not worth a panic.
                let _ = write!(io::stdout(), "{text}");
                ExitCode::SUCCESS
            };
            Err(code)
        }
    }
}

/// `--db` and `--config` are global: they go before a subcommand or after it. The reader's own
/// options (files, `--json`, `--screenshot`, `--keys`, `--size`) mean nothing to a subcommand,
/// so one given with a subcommand is an error rather than ignored. (clap's
/// `args_conflicts_with_subcommands` says so too, but it also refuses a global option before
/// the subcommand.)
fn reader_options_with_subcommand(command: &mut clap::Command, matches: &clap::ArgMatches) -> clap::error::Result<()> {
    let Some(name) = matches.subcommand_name() else { return Ok(()) };
    let given = ["paths", "json", "screenshot", "keys", "size"]
        .into_iter()
        .find(|id| matches.value_source(id) == Some(clap::parser::ValueSource::CommandLine));
    let Some(id) = given else { return Ok(()) };
    let shown = if id == "paths" { "FILE|DIR".to_string() } else { format!("--{id}") };
    Err(command.error(
        clap::error::ErrorKind::ArgumentConflict,
        format!("the subcommand '{name}' cannot be used with '{shown}' (only --db and --config go with a subcommand)"),
    ))
}

/// The first word of `args` that is not an option or the value of `--db` or `--config`: the
/// subcommand, when there is one.
fn first_word(args: &[OsString]) -> Option<&OsString> {
    let mut it = args.iter().skip(1);
    while let Some(arg) = it.next() {
        if arg == "--db" || arg == "--config" {
            it.next();
        } else if !arg.to_string_lossy().starts_with('-') {
            return Some(arg);
        }
    }
    None
}

/// Positions in `args` of words that begin with '-', are not this reader's options, and name
/// files or directories that exist. Words after `--`, and the value after an option that takes
/// one, are left alone.
fn files_that_look_like_options(args: &[OsString]) -> Vec<usize> {
    let command = Cli::command();
    let known = |word: &str| {
        let name = word.split_once('=').map_or(word, |(name, _)| name);
        command.get_arguments().any(|a| {
            name.strip_prefix("--").is_some_and(|long| a.get_long() == Some(long))
                || (name.len() == 2 && name.strip_prefix('-').is_some_and(|s| s.chars().next() == a.get_short()))
        }) || matches!(name, "-h" | "--help" | "-V" | "--version")
    };
    let takes_value = |word: &str| {
        command.get_arguments().any(|a| {
            a.get_action().takes_values()
                && word.strip_prefix("--").is_some_and(|long| a.get_long() == Some(long))
                && !a.is_positional()
        })
    };
    let mut found = Vec::new();
    let mut skip_next = false;
    for (at, arg) in args.iter().enumerate().skip(1) {
        if std::mem::take(&mut skip_next) {
            continue;
        }
        let word = arg.to_string_lossy();
        if word == "--" {
            break;
        }
        if !word.starts_with('-') || word == "-" {
            continue;
        }
        if known(&word) {
            skip_next = takes_value(&word);
        } else if std::path::Path::new(arg).exists() {
            found.push(at);
        }
    }
    found
}

fn run_cli(cli: &Cli, config: &Config) -> Result<ExitCode, String> {
    let scripted = cli.json || cli.screenshot;
    // Scripts given files keep nothing unless --db says where; without files they read the
    // library without writing it.
    let (db, db_problem) = match &cli.db {
        Some(path) => (Some(path.clone()), None),
        None if scripted && !cli.paths.is_empty() => (None, None),
        None => match crate::store::default_db_path() {
            Ok(path) => (Some(path), None),
            Err(e) => (None, Some(format!("{e}; nothing is saved this session"))),
        },
    };
    let write = !scripted || !cli.paths.is_empty();
    let reading = if cli.json {
        library::Reading::Whole
    } else if cli.screenshot {
        library::Reading::Headers
    } else {
        library::Reading::FirstPage
    };
    let mut prepared = library::prepare(&cli.paths, db.as_deref(), write, reading)?;
    prepared.warning = prepared.warning.or(db_problem);
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    if scripted {
        if let Some(w) = &prepared.warning {
            say(w);
        }
        if let (true, Some(store)) = (prepared.add_files, prepared.store.as_mut()) {
            crate::runtime::store_worker::add(store, &prepared.library.articles).map_err(|e| e.to_string())?;
        }
    }
    let library = &prepared.library;
    if cli.json {
        report_problems(library);
        // From a library, what the user did with each article; files alone have no such thing.
        let states: Option<std::collections::HashMap<_, _>> =
            prepared.store.as_ref().map(|_| prepared.states.iter().cloned().collect());
        return match json::write_with_states(&library.articles, states.as_ref(), io::stdout().lock()) {
            Ok(()) => Ok(ExitCode::SUCCESS),
            // A closed pipe (`| head`) is not an error worth a message.
            Err(e) if e.io_error_kind() == Some(io::ErrorKind::BrokenPipe) => Ok(ExitCode::SUCCESS),
            Err(e) => Err(format!("could not write JSON to standard output: {e}")),
        };
    }
    if cli.screenshot {
        report_problems(library);
        let keys = parse_keys(cli.keys.as_deref().unwrap_or_default()).map_err(|e| e.to_string())?;
        let (mut app, mut store) = library_app(prepared, cli.size);
        config.apply(&mut app);
        // The feeds view shows the urls file's tags; nothing is fetched in a scripted run.
        app.set_feed_sources(crate::app::FeedSources {
            urls: crate::sources::commands::urls_path().ok(),
            db: None,
            settings: config.feeds,
        });
        let store = store.as_mut().map(|s| s as &mut dyn crate::store::Store);
        let text = screenshot_app(app, keys, config, color, store);
        return write_stdout(&text);
    }
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err("standard input and output must be a terminal to read interactively; use --json for scripts, or --screenshot for a picture of the screen".to_string());
    }
    read_interactively(prepared, config, color)
}

/// The reader on what was prepared: the library's people and states restored, and the session
/// kept at the last exit when it shows the whole library.
fn library_app(prepared: library::Prepared, size: (u16, u16)) -> (App, Option<crate::store::SqliteStore>) {
    let restore_session = !prepared.files && prepared.store.is_some();
    let files = prepared.files && prepared.store.is_some();
    let mut app = App::new(prepared.library, size);
    app.without_library = prepared.store.is_none();
    if files {
        app.started_with_files();
    }
    app.set_people(prepared.people);
    app.restore_states(prepared.states);
    if let Some(w) = prepared.warning {
        app.message = Some(crate::app::Message { text: w, kind: crate::app::MessageKind::Warning });
    }
    if let (true, Some(store)) = (restore_session, &prepared.store) {
        let _ = app.restore_session(store);
    }
    if let Some(store) = &prepared.store {
        app.load_shown_text(store);
    }
    if let Some(total) = prepared.rest {
        app.read_rest_of_library(total);
    }
    (app, prepared.store)
}

fn write_stdout(text: &str) -> Result<ExitCode, String> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        // A closed pipe (`| head`) is not an error worth a message.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(format!("could not write to standard output: {e}")),
    }
}

fn report_problems(library: &Library) {
    for p in &library.problems {
        say(&p.to_string());
    }
}

/// Plays `keys` on an off-screen terminal and returns the final screen as text.
#[must_use]
pub fn screenshot(library: Library, size: (u16, u16), keys: Vec<crossterm::event::KeyEvent>, color: bool) -> String {
    screenshot_with(library, size, keys, &Config::default(), color)
}

/// Plays `keys` on an off-screen terminal with the keys, layout and theme of `config`, and
/// returns the final screen as text.
#[must_use]
pub fn screenshot_with(
    library: Library,
    size: (u16, u16),
    keys: Vec<crossterm::event::KeyEvent>,
    config: &Config,
    color: bool,
) -> String {
    let mut app = App::new(library, size);
    config.apply(&mut app);
    screenshot_app(app, keys, config, color, None)
}

/// Plays `keys` on `app` on an off-screen terminal of its size.
/// Questions a screen asks are answered from `store` at once; nothing is written to it.
fn screenshot_app(
    mut app: App,
    keys: Vec<crossterm::event::KeyEvent>,
    config: &Config,
    color: bool,
    store: Option<&mut dyn crate::store::Store>,
) -> String {
    let mut terminal = match Terminal::new(TestBackend::new(app.size.0, app.size.1)) {
        Ok(t) => t,
        Err(never) => match never {},
    };
    let theme = config.theme(color);
    let mut events = Scripted::keys(keys);
    // Scripted events and an off-screen buffer cannot fail.
    let has_library = store.is_some();
    let mut effects = Outside::new(crate::run::Direct::new(store, false), has_library, None);
    effects.fetch = crate::sources::commands::options(&config.feeds);
    let _ = run(&mut terminal, &mut app, &theme, &mut events, &mut effects);
    if let Err(never) = terminal.draw(|f| f.render_widget(crate::ui::Screen { app: &app, theme: &theme }, f.area())) {
        match never {}
    }
    buffer_text(terminal.backend().buffer())
}

fn read_interactively(prepared: library::Prepared, config: &Config, color: bool) -> Result<ExitCode, String> {
    let (notifier, mut events) = runtime::channel();
    terminal::watch_signals(notifier.clone()).map_err(|e| format!("could not watch for signals: {e}"))?;
    terminal::install_panic_hook();
    let problems = prepared.library.problems.clone();
    let (saving, add_files) = (prepared.saving, prepared.add_files);
    let outcome = {
        let session = terminal::Session::start().map_err(|e| format!("could not set up the terminal: {e}"))?;
        let result = (|| {
            let mut terminal = Terminal::new(crate::output::Output::stdout())?;
            let size = terminal.size()?;
            let (mut app, store) = library_app(prepared, (size.width, size.height));
            config.apply(&mut app);
            // Fetching writes the library from a connection of its own: only when this run saves.
            let db = store.as_ref().map(|s| s.path().to_path_buf()).filter(|p| saving && p.as_os_str() != ":memory:");
            app.set_feed_sources(crate::app::FeedSources {
                urls: crate::sources::commands::urls_path().ok(),
                db,
                settings: config.feeds,
            });
            // The library's writer; without one (no library, or one read without saving), what
            // is read is kept for this session only.
            let tell = notifier.clone();
            let mut worker = store.and_then(|store| {
                StoreWorker::start(Box::new(store), saving, move |event| {
                    tell.send(event);
                })
                .ok()
            });
            if let (true, Some(w)) = (add_files, &worker) {
                w.add(std::sync::Arc::clone(&app.articles));
            }
            // Each article's people wake the loop when they are ready. Without the thread,
            // people are simply extracted when first drawn.
            let people_ready = notifier.clone();
            let _ = app.extract_people_in_background(move |i| {
                people_ready.send(AppEvent::PeopleReady(i));
            });
            if config.feeds.fetch_on_start {
                app.fetch_all_in_background();
                crate::run::Effects::carry_out(&mut worker, app.take_effects());
            }
            runtime::fetcher::every(config.feeds.fetch_every, notifier.clone());
            let notifier_for_outside = notifier.clone();
            runtime::tty::spawn_reader(notifier)?;
            maybe_panic_for_tests();
            let has_library = worker.is_some();
            let mut effects = Outside::new(worker, has_library, Some(notifier_for_outside));
            effects.fetch = crate::sources::commands::options(&config.feeds);
            let theme = config.theme(color);
            let exit = run(&mut terminal, &mut app, &theme, &mut events, &mut effects);
            let worker = effects.into_inner();
            // Everything the user did is on disk before the reader ends. An import of many files
            // may still be under way: the screen says why the reader has not gone yet.
            if let Some(w) = worker {
                if matches!(exit, Ok(Exit::Quit)) {
                    app.message = Some(crate::app::Message {
                        text: "Writing the library before quitting…".to_string(),
                        kind: crate::app::MessageKind::Info,
                    });
                    let _ =
                        terminal.draw(|f| f.render_widget(crate::ui::Screen { app: &app, theme: &theme }, f.area()));
                }
                w.save_session(app.session());
                w.finish();
            }
            // The session shows the cursor again. Dropped, ratatui's terminal would try too, and
            // on a terminal that is gone it reports the failure with eprintln!, which panics.
            std::mem::forget(terminal);
            exit
        })();
        drop(session);
        result
    };
    for p in &problems {
        say(&p.to_string());
    }
    match outcome {
        Ok(Exit::Quit | Exit::EndOfInput) => Ok(ExitCode::SUCCESS),
        Ok(Exit::Signal(sig)) => Ok(ExitCode::from(u8::try_from(128 + sig).unwrap_or(1))),
        // Whoever started the reader learns it did not end by a quit.
        Ok(Exit::TerminalClosed) => {
            say("the terminal closed");
            Ok(ExitCode::FAILURE)
        }
        // Drawing failed: the terminal went away before its end of input was read. The same end
        // as above, whichever came first.
        Err(e) => {
            say(&format!("the terminal closed ({e})"));
            Ok(ExitCode::FAILURE)
        }
    }
}

/// A test-only trigger: with CYBERREADER_TEST_PANIC set, the reader panics once it has taken
/// over the terminal, so tests can check that a panic restores it.
fn maybe_panic_for_tests() {
    if std::env::var_os("CYBERREADER_TEST_PANIC").is_some() {
        panic!("panic requested by CYBERREADER_TEST_PANIC");
    }
}
