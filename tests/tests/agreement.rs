//! The tiers agree with each other and with CPython on generated programs
//! (`pyjit_tests::generate`): 500 programs from a fixed seed, each called
//! with a few argument tuples on the fast tier, the optimizing tier and
//! CPython with NumPy, outcomes compared as values (result, exception
//! type, message and line, printed lines, arrays changed).
//!
//! A disagreement is shrunk, printed with its call and the three outcomes,
//! and saved as `tests/programs/agreement_<hash>.py` with CPython's answer
//! so that it stays in the corpus as a regression test. For more programs
//! than CI runs: `scripts/soak --seed N --count M`.

#![allow(clippy::print_stderr)] // the report of a failure, a skipped CPython

use pyjit_tests::agree::{Checker, Class};
use pyjit_tests::generate::{Program, program_strategy};
use pyjit_tests::in_ci;

/// Where the fixed sequence of programs starts.
const SEED: u64 = 0x5eed_0000;
/// How many programs one run checks.
const PROGRAMS: u64 = 500;

/// Disagreements reported and not yet fixed, by
/// [`pyjit_tests::agree::Disagreement::signature`]: printed, not failed
/// on. Remove an entry with its fix.
const KNOWN: &[&str] = &[];

#[test]
fn tiers_agree_with_each_other_and_cpython() {
    let (mut checker, skipped) = Checker::new();
    if let Some(why) = skipped {
        assert!(!in_ci(), "CI installs python3 and NumPy: {why}");
        eprintln!("{why}: comparing the two tiers with each other only");
    }
    let programs: Vec<Program> = (SEED..SEED + PROGRAMS).map(Program::generate).collect();
    let refs: Vec<&Program> = programs.iter().collect();
    let summary = checker.check(&refs).expect("CPython runs the batch");
    let mut failures = Vec::new();
    let mut generator_bugs = 0;
    let mut known = 0;
    for d in &summary.disagreements {
        if d.class == Class::GeneratorBug {
            generator_bugs += 1;
            eprintln!("generator bug: a program both tiers refuse\n{}", d.report());
            continue;
        }
        if KNOWN.contains(&d.signature().as_str()) {
            known += 1;
            continue;
        }
        let shrunk = checker.shrink(d);
        let saved = shrunk
            .save()
            .map_or(String::new(), |p| format!("saved as {}\n", p.display()));
        failures.push(format!("{}{saved}", shrunk.report()));
    }
    eprintln!(
        "{} programs, {} calls: {} disagreements ({known} known), {generator_bugs} generator bugs; calls ended {:?}",
        summary.programs,
        summary.calls,
        summary.disagreements.len(),
        summary.endings
    );
    assert!(
        failures.is_empty(),
        "{} disagreements:\n\n{}",
        failures.len(),
        failures.join("\n")
    );
    // A program that no tier compiles is the generator's mistake; a few in
    // a thousand is noise, more means the generator lost track of a rule.
    assert!(
        generator_bugs * 100 <= summary.programs,
        "{generator_bugs} of {} generated programs do not compile",
        summary.programs
    );
    let values = summary.endings.get("value").copied().unwrap_or(0);
    assert!(
        values * 3 >= summary.calls,
        "only {values} of {} calls returned a value: the generator mostly tests exceptions",
        summary.calls
    );
}

/// The generator names one program per seed, whatever else ran before.
#[test]
fn a_seed_names_one_program() {
    use proptest::strategy::{Strategy, ValueTree};
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    for _ in 0..50 {
        let program = program_strategy()
            .new_tree(&mut runner)
            .expect("a program")
            .current();
        // (Sources, not ASTs: a NaN literal is not equal to itself.)
        assert_eq!(Program::generate(program.seed).source(), program.source());
        assert!(program.source().contains("\ndef f(a, b, c"));
    }
}
