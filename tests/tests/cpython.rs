//! Re-derive every expectation of `tests/programs/` from CPython, so that a
//! wrong expectation cannot hide: `tests/derive.py --check` runs each case
//! in CPython with NumPy and fails on any difference from what is recorded.

#![allow(clippy::print_stderr)] // a skipped test says why

use std::path::Path;
use std::process::Command;

use pyjit_tests::{cases, corpus, in_ci};

#[test]
fn every_expectation_is_what_cpython_gives() {
    let has_numpy = Command::new("python3")
        .args(["-c", "import numpy"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_numpy {
        assert!(
            !in_ci(),
            "CI installs python3 and NumPy to re-derive the corpus"
        );
        eprintln!("python3 with NumPy is not available: skipping the CPython re-derivation");
        return;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = Command::new("python3")
        .arg(dir.join("derive.py"))
        .arg("--check")
        .arg(dir.join("programs"))
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "CPython disagrees with the corpus:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // The two readers of the `# run:` lines must see the same cases.
    let all: Vec<_> = corpus()
        .iter()
        .flat_map(|f| cases(f).expect("well-formed"))
        .collect();
    let deviations = all.iter().filter(|c| c.deviation.is_some()).count();
    let expected = format!(
        "{} cases checked against CPython, {deviations} deviations skipped, 0 differences",
        all.len() - deviations
    );
    assert_eq!(stdout.lines().last(), Some(expected.as_str()));
}
