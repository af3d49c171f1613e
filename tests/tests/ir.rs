//! The optimizing tier's IR of every corpus program, as snapshots (STYLE.md,
//! "file-based tests"): for each specialization the program's `# run:`
//! lines ask for, the IR as built and then, pass by pass, the unified diff
//! the pass made. Every step is verified for its phase, and every IR prints
//! and parses back to the same text.
//!
//! After a change to the builder or a pass, review the new snapshots with
//! `cargo insta review`, or accept them with `INSTA_UPDATE=always cargo
//! test -p pyjit-tests --test ir`.

use std::fmt::Write as _;
use std::path::Path;

use pyjit::ir::parse::parse_program;
use pyjit::ir::verify::{Phase, verify_program};
use pyjit::literal::Literal;
use pyjit::{CacheLocation, Jit, Options, SignatureSource, Type};
use pyjit_tests::cases;

/// The text of a program, checked to parse back to itself.
fn round_trip(ir: &pyjit::ir::Program, at: &str) -> String {
    let text = ir.to_string();
    let parsed =
        parse_program(&text).unwrap_or_else(|e| panic!("{at}: does not parse: {e}\n{text}"));
    assert_eq!(
        parsed.to_string(),
        text,
        "{at}: prints differently after parsing"
    );
    text
}

fn snapshot(file: &Path) -> String {
    let jit = Jit::new(Options {
        cache: CacheLocation::Temporary,
        ..Options::default()
    })
    .expect("a temporary cache");
    let module = jit.load_file(file).expect("the program loads");
    let mut seen: Vec<(String, Vec<Type>)> = Vec::new();
    let mut out = String::new();
    for case in cases(file).expect("well-formed cases") {
        let Ok(types) = case
            .args
            .iter()
            .map(|a| Literal::parse(a).and_then(|l| l.ty()))
            .collect::<Result<Vec<Type>, _>>()
        else {
            continue;
        };
        if seen.contains(&(case.func.clone(), types.clone())) {
            continue;
        }
        seen.push((case.func.clone(), types.clone()));
        let function = module.function(&case.func).expect("the function exists");
        let Ok(mut ir) = function.ir(SignatureSource::Arguments(&types)) else {
            continue;
        };
        let at = format!("{}: {}", file.display(), case.func);
        if let Err(e) = verify_program(&ir, Phase::Built) {
            panic!("{at}: the built IR is broken:\n{e}");
        }
        let params: Vec<String> = types.iter().map(ToString::to_string).collect();
        let _ = writeln!(out, ";; {}({})", case.func, params.join(", "));
        let _ = writeln!(out, ";; built");
        let mut before = round_trip(&ir, &at);
        out.push_str(&before);
        for pass in pyjit::passes::PIPELINE {
            pyjit::passes::run_pipeline(&mut ir, &[pass], false, |_, _| {})
                .unwrap_or_else(|e| panic!("{at}: {} fails: {e}", pass.name));
            if let Err(e) = verify_program(&ir, pass.phase_after) {
                panic!("{at}: the IR is broken after {}:\n{e}", pass.name);
            }
            let after = round_trip(&ir, &format!("{at} after {}", pass.name));
            let diff = similar::TextDiff::from_lines(&before, &after)
                .unified_diff()
                .context_radius(1)
                .to_string();
            let _ = writeln!(out, ";; {}", pass.name);
            if diff.is_empty() {
                let _ = writeln!(out, ";; (no change)");
            } else {
                out.push_str(&diff);
            }
            before = after;
        }
        out.push('\n');
    }
    out
}

#[test]
fn ir_of_every_corpus_program() {
    insta::glob!(env!("CARGO_MANIFEST_DIR"), "programs/*.py", |path| {
        insta::assert_snapshot!(snapshot(path));
    });
}
