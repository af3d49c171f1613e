//! File-based tests: every `.py` file under `tests/fixtures/` is lexed,
//! parsed and checked, and the results are compared with snapshots
//! (`tests/snapshots/`). Valid fixtures snapshot their layout tokens, their
//! syntax trees and the typed program of each `# check:` line; invalid
//! fixtures snapshot the rendered diagnostic of each `# check:` line. On
//! every fixture, the span invariants hold.
//!
//! To accept new or changed snapshots: `INSTA_UPDATE=always cargo test -p
//! pyjit-frontend --test fixtures`, then review the `.snap` files.

mod common;

use std::fmt::Write;

use common::*;
use pyjit_frontend::{Module, SourceFile};

fn load(path: &std::path::Path) -> Result<Module, pyjit_frontend::Diagnostic> {
    let bytes = std::fs::read(path).expect("fixture is readable");
    let name = format!("{}", path.file_name().unwrap().to_string_lossy());
    SourceFile::from_bytes(name, &bytes).and_then(Module::new)
}

#[test]
fn valid_fixtures() {
    insta::glob!("fixtures/valid/*.py", |path| {
        let module = load(path).unwrap_or_else(|d| panic!("{}", d.render()));
        assert_span_invariants(&module);
        let lines = check_lines(module.source().text());
        assert!(
            !lines.is_empty(),
            "{} has no `# check:` line",
            path.display()
        );
        let mut typed = String::new();
        for line in &lines {
            match run_check(&module, line) {
                Ok(program) => {
                    writeln!(typed, "# check: {}\n{program}", line.text).unwrap();
                }
                Err(d) => panic!(
                    "{}: `{}` was rejected:\n{}",
                    path.display(),
                    line.text,
                    d.render()
                ),
            }
        }
        insta::assert_snapshot!("tokens", layout_tokens(&module));
        insta::assert_snapshot!("ast", items_ast(&module));
        insta::assert_snapshot!("typed", typed);
    });
}

#[test]
fn invalid_fixtures() {
    insta::glob!("fixtures/invalid/*.py", |path| {
        let mut out = String::new();
        match load(path) {
            Err(d) => {
                assert_diagnostic_spans(&d);
                out.push_str(&d.render());
            }
            Ok(module) => {
                assert_span_invariants(&module);
                let lines = check_lines(module.source().text());
                assert!(
                    !lines.is_empty(),
                    "{} has no `# check:` line",
                    path.display()
                );
                for line in &lines {
                    match run_check(&module, line) {
                        Ok(program) => panic!(
                            "{}: `{}` was expected to be rejected but checked:\n{program}",
                            path.display(),
                            line.text
                        ),
                        Err(d) => {
                            assert_diagnostic_spans(&d);
                            assert!(
                                d.primary_span().is_some()
                                    || d.kind() == pyjit_frontend::DiagnosticKind::NotFound,
                                "{}: the diagnostic has no span:\n{}",
                                path.display(),
                                d.render()
                            );
                            assert!(
                                !d.help().is_empty() || !d.notes().is_empty(),
                                "{}: the diagnostic says nothing about what to do:\n{}",
                                path.display(),
                                d.render()
                            );
                            writeln!(out, "# check: {}\n{}\n", line.text, d.render()).unwrap();
                        }
                    }
                }
            }
        }
        insta::assert_snapshot!("diagnostics", out);
    });
}
