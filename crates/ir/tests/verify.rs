//! The verifier on the text fixtures: every fixture of the text format is
//! well-formed IR, so the parser's tests and the verifier's agree on what
//! the format means; and broken IR written as text is reported inside the
//! printed IR.

use std::path::PathBuf;

use expect_test::{Expect, expect};
use pyjit_ir::parse::{parse_function, parse_program};
use pyjit_ir::verify::{Phase, verify, verify_program};

/// What the verifier says of the text fixtures: only `gaps.ir` is broken,
/// on purpose (the parser keeps what the text says and leaves judging it
/// to the verifier).
#[test]
fn every_text_fixture_verifies() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/text");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/text exists")
        .map(|entry| entry.expect("readable directory").path())
        .filter(|path| path.extension().is_some_and(|e| e == "ir"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 10, "fixtures missing: {}", paths.len());
    let mut faults = String::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("readable fixture");
        let program = parse_program(&text).expect("parses");
        let phase = if text.contains("unknown") {
            Phase::Built
        } else if text.contains(" = copy ") && !text.contains(" = phi ") {
            Phase::PhiFree
        } else {
            Phase::Typed
        };
        if let Err(e) = verify_program(&program, phase) {
            let name = path.file_name().expect("a file").to_string_lossy();
            for fault in e.faults {
                faults.push_str(&format!("{name}: {}: {}\n", fault.func, fault.message));
            }
        }
    }
    expect![[r#"
        gaps.ir: f0: two edges go to bb7: give one of them a block of its own
        gaps.ir: f0: v12 (defined in bb7) does not dominate this use
        gaps.ir: f0: v12 (defined in bb7) does not dominate this use
        gaps.ir: f0: v99 is not defined
    "#]]
    .assert_eq(&faults);
}

fn check(text: &str, phase: Phase, expect: Expect) {
    let func = parse_function(text).expect("parses");
    match verify(&func, phase) {
        Ok(()) => expect.assert_eq("ok\n"),
        Err(e) => expect.assert_eq(&e.to_string()),
    }
}

#[test]
fn broken_text_is_reported_in_place() {
    check(
        r#"fn f0 f(v0: int64, v1: float64) -> int64 {
bb0:
    v2 = add v0, v1 : int64
    br v2, bb1, bb2
bb1:
    v3 = phi [v0, bb0], [v0, bb2] : int64
    ret v3
bb2:
    ret v4
}
"#,
        Phase::Typed,
        expect![[r#"
            fn f0 f(v0: int64, v1: float64) -> int64 {
            bb0:
                v2 = add v0, v1 : int64
                ; error: `add` needs operands of one type, found v0: int64 and v1: float64
                br v2, bb1, bb2
                ; error: `br` needs a bool condition, found v2: int64
            bb1:
                v3 = phi [v0, bb0], [v0, bb2] : int64
                ; error: `phi` names bb2, which is not a predecessor of bb1
                ret v3
            bb2:
                ret v4
                ; error: v4 is not defined
            }
        "#]],
    );
}
