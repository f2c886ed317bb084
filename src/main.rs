//! The `cyberreader` binary: everything is in the library.

fn main() -> std::process::ExitCode {
    cyberreader::cli::main()
}
