//! Every case of `tests/programs/` runs compiled and gives what CPython
//! gave: on the fast tier with each C compiler it uses (tcc when installed,
//! always in CI, and the system's `cc -O1`), and on the optimizing tier.

#![allow(clippy::print_stderr)] // a skipped test says why

use std::collections::BTreeSet;

use pyjit::{CacheLocation, Discovery, Jit, Options, Tier};
use pyjit_tests::{Case, cases, corpus, difference, in_ci, on_path, run};

/// Run the whole corpus with one compiler and tier; report every failing
/// case.
fn run_corpus(compiler: &str, tier: Tier) {
    let jit = Jit::new(Options {
        tier,
        cache: CacheLocation::Temporary,
        compilers: Discovery {
            explicit: Some(compiler.into()),
            ..Discovery::default()
        },
        ..Options::default()
    })
    .expect("a temporary cache");
    let mut failures = Vec::new();
    let mut count = 0;
    // `PYJIT_PROGRAMS=floordiv cargo test --test programs` runs the programs
    // whose file name contains `floordiv`, for working on a few.
    let only = std::env::var("PYJIT_PROGRAMS").unwrap_or_default();
    for file in corpus() {
        if !file
            .file_name()
            .is_some_and(|n| n.to_string_lossy().contains(&only))
        {
            continue;
        }
        let module = match jit.load_file(&file) {
            Ok(module) => module,
            Err(e) => {
                failures.push(format!("{}: does not load: {e}", file.display()));
                continue;
            }
        };
        let cases = match cases(&file) {
            Ok(cases) => cases,
            Err(e) => {
                failures.push(e);
                continue;
            }
        };
        if cases.is_empty() {
            failures.push(format!("{}: no `# run:` lines", file.display()));
        }
        for case in cases {
            count += 1;
            let at = format!(
                "{}:{}: {}({})",
                file.display(),
                case.line,
                case.func,
                case.args.join(", ")
            );
            match run(&module, &case) {
                Ok(outcome) => {
                    if let Some(report) = difference(&case, &outcome) {
                        failures.push(format!("{at}{report}"));
                    }
                }
                Err(e) => failures.push(format!("{at}: {e}")),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed with {compiler} at the {} tier:\n\n{}",
        failures.len(),
        tier.name(),
        failures.join("\n\n")
    );
}

#[test]
fn corpus_with_tcc() {
    if !on_path("tcc") {
        assert!(
            !in_ci(),
            "CI installs tcc: the fast tier's main compiler must be tested"
        );
        eprintln!("tcc is not installed: skipping the corpus with tcc");
        return;
    }
    run_corpus("tcc", Tier::Fast);
}

#[test]
fn corpus_with_cc() {
    run_corpus("cc", Tier::Fast);
}

/// The optimizing tier gives the same results as the fast tier and CPython
/// on every case (and verifies its IR after every pass: tests build in
/// debug).
#[test]
fn corpus_at_optimized_tier() {
    run_corpus("cc", Tier::Optimized);
}

/// Generated C is portable C11: clang must take it too. CI does not install
/// clang (it is large); run this where it is.
#[test]
fn corpus_with_clang() {
    if !on_path("clang") {
        eprintln!("clang is not installed: skipping the corpus with clang");
        return;
    }
    run_corpus("clang", Tier::Fast);
}

/// The corpus is the test of LANGUAGE.md: hold it to its size, and to the
/// exceptions it must show coming back from compiled code.
#[test]
fn corpus_covers_the_language() {
    if std::env::var_os("PYJIT_PROGRAMS").is_some() {
        return;
    }
    let all: Vec<Case> = corpus()
        .iter()
        .flat_map(|f| cases(f).expect("well-formed cases"))
        .collect();
    let programs = corpus().len();
    assert!(
        programs >= 100,
        "tests/programs/ holds {programs} programs; the corpus needs at least 100"
    );
    let raised: BTreeSet<&str> = all
        .iter()
        .filter_map(|c| match &c.expect {
            pyjit_tests::Expect::Raises { kind, .. } => Some(kind.as_str()),
            pyjit_tests::Expect::Value(_) => None,
        })
        .collect();
    for kind in [
        "ZeroDivisionError",
        "IndexError",
        "ValueError",
        "OverflowError",
        "AssertionError",
        "RecursionError",
        "UnboundLocalError",
    ] {
        assert!(raised.contains(kind), "no case of the corpus raises {kind}");
    }
}
