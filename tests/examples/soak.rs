//! Soak test of tier agreement: run generated programs from a seed on both
//! tiers and in CPython, print the first disagreement (shrunk) and exit 1.
//!
//! ```text
//! cargo run -p pyjit-tests --example soak -- --seed 7 --count 5000
//! ```
//!
//! `--all` reports every disagreement instead of stopping at the first;
//! `--save` writes each as a corpus fixture in `tests/programs/`;
//! `--no-shrink` reports programs as generated. With `--all`, a finding
//! already reported (same class, exception types and messages, numbers
//! aside) is counted, not shrunk again, and the counts end the report.

#![allow(clippy::print_stdout, clippy::print_stderr)] // a command-line tool

use std::process::ExitCode;
use std::time::Instant;

use pyjit_tests::agree::{Checker, Class};
use pyjit_tests::generate::Program;

fn main() -> ExitCode {
    let mut seed: u64 = 0;
    let mut count: u64 = 1000;
    let mut all = false;
    let mut save = false;
    let mut shrink = true;
    let mut endings = std::collections::BTreeMap::<String, usize>::new();
    let mut seen = std::collections::BTreeMap::<String, usize>::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .and_then(|v| v.parse::<u64>().ok())
                .unwrap_or_else(|| {
                    eprintln!("{arg} takes a number");
                    std::process::exit(2)
                })
        };
        match arg.as_str() {
            "--seed" => seed = value(),
            "--count" => count = value(),
            "--all" => all = true,
            "--save" => save = true,
            "--no-shrink" => shrink = false,
            _ => {
                eprintln!("usage: soak [--seed N] [--count M] [--all] [--save] [--no-shrink]");
                return ExitCode::from(2);
            }
        }
    }
    let (mut checker, skipped) = Checker::new();
    if let Some(why) = skipped {
        eprintln!("{why}: comparing the tiers with each other only");
    }
    let start = Instant::now();
    let (mut programs, mut calls, mut found, mut generator_bugs) = (0, 0, 0, 0);
    let batch = 64;
    let mut next = seed;
    while next < seed + count {
        let end = (next + batch).min(seed + count);
        let generated: Vec<Program> = (next..end).map(Program::generate).collect();
        next = end;
        let refs: Vec<&Program> = generated.iter().collect();
        let summary = match checker.check(&refs) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(2);
            }
        };
        programs += summary.programs;
        for (k, n) in &summary.endings {
            *endings.entry(k.clone()).or_default() += n;
        }
        calls += summary.calls;
        for d in summary.disagreements {
            if d.class == Class::GeneratorBug {
                generator_bugs += 1;
                eprintln!(
                    "generator bug (both tiers refuse the program):\n{}",
                    d.report()
                );
                continue;
            }
            found += 1;
            let count = seen.entry(d.signature()).or_default();
            *count += 1;
            if *count > 1 && all {
                // Already reported: the same finding in another program.
                continue;
            }
            let shrunk = if shrink { checker.shrink(&d) } else { d };
            println!("{}", shrunk.report());
            if save && let Some(path) = shrunk.save() {
                println!("saved as {}", path.display());
            }
            if !all {
                println!("{programs} programs, {calls} calls before the first disagreement");
                return ExitCode::from(1);
            }
        }
        eprintln!(
            "{programs} programs, {calls} calls, {found} disagreements, {generator_bugs} generator bugs, {:.1} s",
            start.elapsed().as_secs_f64()
        );
    }
    println!("calls ended: {endings:?}");
    for (signature, n) in &seen {
        println!("{n:5} x {signature}");
    }
    println!(
        "{programs} programs (seeds {seed}..{}), {calls} calls: {found} disagreements, {generator_bugs} programs refused by both tiers",
        seed + count
    );
    if found > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
