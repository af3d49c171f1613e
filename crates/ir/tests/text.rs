//! The IR text format: every fixture under `tests/text/` parses and prints
//! back exactly, each kind of error says where and what was expected, and
//! no input makes the parser panic.

use std::path::PathBuf;

use expect_test::{Expect, expect};
use proptest::prelude::*;
use pyjit_ir::parse::{ParseError, parse_function, parse_program};
use pyjit_ir::{BlockId, Const, InstKind, Type, ValueDef, ValueId};

fn fixtures() -> &'static [(String, String)] {
    static FIXTURES: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    FIXTURES.get_or_init(read_fixtures)
}

fn read_fixtures() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/text");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("tests/text exists")
        .map(|entry| entry.expect("readable directory").path())
        .filter(|path| path.extension().is_some_and(|e| e == "ir"))
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("readable fixture");
            (path.display().to_string(), text)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_fixture_roundtrips() {
    let fixtures = fixtures();
    assert!(fixtures.len() >= 10, "fixtures missing: {}", fixtures.len());
    for (path, text) in fixtures {
        let program = parse_program(text).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(&program.to_string(), text, "{path}");
        if program.functions.len() == 1 {
            let func = parse_function(text).unwrap_or_else(|e| panic!("{path}: {e}"));
            assert_eq!(&func.to_string(), text, "{path}");
        }
    }
}

#[test]
fn constants_keep_their_bits() {
    let text = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/text/consts.ir"),
    )
    .expect("fixture");
    let func = parse_function(&text).expect("parses");
    let consts: Vec<Const> = func
        .insts(func.entry())
        .iter()
        .map(|&i| match func.inst(i).kind {
            InstKind::Const(c) => c,
            ref other => panic!("not a const: {other:?}"),
        })
        .collect();
    assert_eq!(consts[1], Const::Int(i64::MIN));
    match (consts[5], consts[9], consts[10]) {
        (Const::Float(neg_zero), Const::Float(nan), Const::Float(neg_nan)) => {
            assert_eq!(neg_zero.to_bits(), (-0.0f64).to_bits());
            assert!(nan.is_nan() && nan.is_sign_positive());
            assert!(neg_nan.is_nan() && neg_nan.is_sign_negative());
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(consts[11], Const::Float(1e16));
    assert_eq!(consts[17], Const::EmptyArray);
    assert_eq!(consts[19], Const::Int(7));
    assert_eq!(consts[20], Const::Float(2.5));
}

#[test]
fn numbering_entry_and_detached_values_are_kept() {
    let text = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/text/gaps.ir"),
    )
    .expect("fixture");
    let func = parse_function(&text).expect("parses");
    assert_eq!(func.entry(), BlockId(3));
    assert_eq!(func.blocks(), vec![BlockId(3), BlockId(7), BlockId(12)]);
    // A value the text uses but never defines exists, detached.
    assert_eq!(func.value_count(), 100);
    assert_eq!(func.value_def(ValueId(99)), ValueDef::Detached);
    assert_eq!(func.value_def(ValueId(5)), ValueDef::Detached);
    assert_eq!(func.value_type(ValueId(30)), Type::INT);
    // The parallel edge is there for the verifier to reject.
    assert_eq!(func.succs(BlockId(12)), vec![BlockId(7), BlockId(7)]);
}

#[test]
fn blocks_out_of_order_print_by_id_and_the_first_is_the_entry() {
    let text = "\
fn f0 f(v0: bool) -> int64 {
bb4:
    br v0, bb2, bb9
bb9:
    v2 = const 2 : int64
    ret v2
bb2:
    v1 = const 1 : int64
    ret v1
}
";
    let func = parse_function(text).expect("parses");
    assert_eq!(func.entry(), BlockId(4));
    expect![[r#"
        fn f0 f(v0: bool) -> int64 {
        bb2:
            v1 = const 1 : int64
            ret v1
        bb4:
            br v0, bb2, bb9
        bb9:
            v2 = const 2 : int64
            ret v2
        }
    "#]]
    .assert_eq(&func.to_string());
}

#[test]
fn comments_and_loose_forms_are_read() {
    // Verifier errors are `;` lines; empty lists print as they can.
    let text = "\
; a note before the function
fn f0 f(v0: int64) -> float64 {
; error: something about the function
bb0:
    ; error: about the block
    v1 = phi : float64
    v2 = math.sqrt : float64
    v3 = alloc.np , zeros : float64[:, :]
    v4 = const 1 : float64
    ret v4
    ; error: about the terminator
}
";
    let func = parse_function(text).expect("parses");
    expect![[r#"
        fn f0 f(v0: int64) -> float64 {
        bb0:
            v1 = phi  : float64
            v2 = math.sqrt  : float64
            v3 = alloc.np , zeros : float64[:, :]
            v4 = const 1.0 : float64
            ret v4
        }
    "#]]
    .assert_eq(&func.to_string());
}

#[test]
fn parse_error_displays_its_line() {
    let e = ParseError {
        line: 3,
        message: "expected `,`".to_owned(),
    };
    assert_eq!(e.to_string(), "line 3: expected `,`");
    let _: &dyn std::error::Error = &e;
}

// ---------------------------------------------------------------- errors

fn check_error(text: &str, expected: Expect) {
    match parse_program(text) {
        Ok(program) => panic!("parsed:\n{program}"),
        Err(e) => expected.assert_eq(&e.to_string()),
    }
}

/// A function with one block holding `line` before `ret`.
fn in_block(line: &str) -> String {
    format!("fn f0 f(v0: int64, v1: float64[:]) -> none {{\nbb0:\n    {line}\n    ret\n}}\n")
}

#[test]
fn error_bad_type() {
    check_error(
        &in_block("v2 = const 1.0 : floatt"),
        expect!["line 3: expected a type after `:`, found `floatt`"],
    );
    check_error(
        "fn f0 f(v0: int) -> none {\nbb0:\n    ret\n}\n",
        expect!["line 1: expected a type after `:`, found `int`"],
    );
    check_error(
        "fn f0 f() -> {\nbb0:\n    ret\n}\n",
        expect!["line 1: expected a type after `->`, found `{`"],
    );
}

#[test]
fn error_missing_result_type() {
    check_error(
        &in_block("v2 = size v1"),
        expect!["line 3: expected `:` and the result's type, found the end of the line"],
    );
}

#[test]
fn error_not_a_function() {
    check_error(
        "func f0 f() -> none {\n}\n",
        expect!["line 1: expected a function (`fn f0 name(...) -> type {`), found `func`"],
    );
    check_error(
        "\n; only a comment\n",
        expect![
            "line 2: expected a function (`fn f0 name(...) -> type {`), found the end of the text"
        ],
    );
}

#[test]
fn error_params_out_of_order() {
    check_error(
        "fn f0 f(v0: int64, v2: int64) -> none {\nbb0:\n    ret\n}\n",
        expect![
            "line 1: expected parameter `v1` (parameters are v0, v1, ... in order), found `v2`"
        ],
    );
}

#[test]
fn error_function_numbering() {
    check_error(
        "fn f0 f() -> none {\nbb0:\n    ret\n}\n\nfn f2 g() -> none {\nbb0:\n    ret\n}\n",
        expect![
            "line 6: expected function `f1` (a program's functions are numbered in order), found `f2`"
        ],
    );
}

#[test]
fn error_trailing_text_after_a_function() {
    let text = "fn f0 f() -> none {\nbb0:\n    ret\n}\n\nfn f1 g() -> none {\nbb0:\n    ret\n}\n";
    let e = parse_function(text).expect_err("two functions");
    expect!["line 6: expected the end of the text after the function's `}`, found `fn`"]
        .assert_eq(&e.to_string());
}

#[test]
fn error_value_defined_twice() {
    check_error(
        "fn f0 f() -> none {\nbb0:\n    v3 = const 1 : int64\n    v3 = const 2 : int64\n    ret\n}\n",
        expect!["line 4: `v3` is defined twice: it is defined on line 3"],
    );
    check_error(
        &in_block("v1 = const 2 : int64"),
        expect!["line 3: `v1` is defined twice: it is a parameter"],
    );
}

#[test]
fn error_block_defined_twice() {
    check_error(
        "fn f0 f() -> none {\nbb0:\n    jump bb1\nbb1:\n    ret\nbb1:\n    ret\n}\n",
        expect!["line 6: block `bb1` is defined twice (first on line 4)"],
    );
}

#[test]
fn error_branch_to_missing_block() {
    check_error(
        "fn f0 f(v0: bool) -> none {\nbb0:\n    br v0, bb1, bb5\nbb1:\n    ret\n}\n",
        expect!["line 3: bb0 jumps to `bb5`, which is not a block of f0"],
    );
    check_error(
        "fn f0 f() -> none {\nbb2:\n    jump bb0\n}\n",
        expect!["line 3: bb2 jumps to `bb0`, which is not a block of f0"],
    );
}

#[test]
fn error_instruction_outside_a_block() {
    check_error(
        "fn f0 f() -> none {\n    ret\n}\n",
        expect!["line 2: expected a block label such as `bb0:`, found `ret`"],
    );
    check_error(
        "fn f0 f() -> none {\n}\n",
        expect![
            "line 2: expected a block label such as `bb0:` before `}`: a function has at least one block"
        ],
    );
}

#[test]
fn error_missing_terminator() {
    check_error(
        "fn f0 f() -> none {\nbb0:\n    v0 = const 1 : int64\nbb1:\n    ret\n}\n",
        expect![
            "line 4: bb0 has no terminator: expected `jump`, `br`, `ret`, `raise` or `unreachable` before `bb1:`"
        ],
    );
    check_error(
        "fn f0 f() -> none {\nbb0:\n}\n",
        expect![
            "line 3: bb0 has no terminator: expected `jump`, `br`, `ret`, `raise` or `unreachable` before `}`"
        ],
    );
}

#[test]
fn error_instruction_after_terminator() {
    check_error(
        "fn f0 f() -> none {\nbb0:\n    ret\n    v0 = const 1 : int64\n}\n",
        expect!["line 4: expected a block label or `}` after the terminator of bb0, found `v0`"],
    );
}

#[test]
fn error_missing_closing_brace() {
    check_error(
        "fn f0 f() -> none {\nbb0:\n    ret\n",
        expect!["line 3: expected `}` closing f0, found the end of the text"],
    );
}

#[test]
fn error_unknown_instruction() {
    check_error(
        &in_block("v2 = frobnicate v0 : int64"),
        expect!["line 3: expected an instruction, found `frobnicate`"],
    );
    check_error(
        &in_block("v2 = add.c v0, v0 : int64"),
        expect!["line 3: expected an instruction, found `add.c`"],
    );
    check_error(
        &in_block("v2 = math.frob v0 : float64"),
        expect!["line 3: `frob` is not a math function (in `math.frob`)"],
    );
}

#[test]
fn error_bad_operands() {
    check_error(
        &in_block("v2 = add v0 v0 : int64"),
        expect!["line 3: expected `,`, found `v0`"],
    );
    check_error(
        &in_block("v2 = add v0, bb0 : int64"),
        expect!["line 3: expected a value (`vN`), found `bb0`"],
    );
    check_error(
        &in_block("v2 = load v1[v0 : float64"),
        expect!["line 3: expected `,` or `]`, found `:`"],
    );
    check_error(
        &in_block("v2 = size \u{202e}v1 : int64"),
        expect![[r#"line 3: expected a value (`vN`), found `\u{202e}`"#]],
    );
    check_error(
        &in_block("v2 = dim v1, x : int64"),
        expect!["line 3: expected an axis number, found `x`"],
    );
    check_error(
        &in_block("v2 = add v00, v0 : int64"),
        expect!["line 3: expected a value (`vN`), found `v00`"],
    );
    check_error(
        &in_block("v2 = alloc.np v0 : float64[:]"),
        expect!["line 3: expected `,` and then `zeros`, `ones` or `fill vN`, found `:`"],
    );
}

#[test]
fn error_id_out_of_range() {
    check_error(
        &in_block("v2 = copy v99999999 : int64"),
        expect!["line 3: a value `v99999999` is out of range: ids go up to `v1048576`"],
    );
    check_error(
        "fn f0 f() -> none {\nbb70000:\n    ret\n}\n",
        expect!["line 2: a block `bb70000` is out of range: ids go up to `bb65536`"],
    );
}

#[test]
fn error_constant_of_the_wrong_form() {
    check_error(
        &in_block("v2 = const 1.5 : int64"),
        expect!["line 3: expected an integer for a constant of type int64, found `1.5`"],
    );
    check_error(
        &in_block("v2 = const 1 : bool"),
        expect!["line 3: expected `true` or `false` for a constant of type bool, found `1`"],
    );
    check_error(
        &in_block("v2 = const 0.0 : float64[:]"),
        expect!["line 3: expected `empty` for a constant of type float64[:], found `0.0`"],
    );
    check_error(
        &in_block("v2 = const Infinity : float64"),
        expect!["line 3: expected a float for a constant of type float64, found `Infinity`"],
    );
    check_error(
        &in_block("v2 = const 99999999999999999999 : int64"),
        expect![
            "line 3: expected an integer for a constant of type int64, found `99999999999999999999`"
        ],
    );
}

#[test]
fn error_result_where_there_is_none_and_back() {
    check_error(
        &in_block("v2 = store v1[v0], v0"),
        expect!["line 3: `store` has no result: remove `v2 =`"],
    );
    check_error(
        &in_block("add v0, v0 : int64"),
        expect!["line 3: `add` has a result: expected `vN = add ...`"],
    );
    check_error(
        &in_block("v2 = jump bb0"),
        expect!["line 3: `jump` is a terminator: it has no result"],
    );
    check_error(
        &in_block("call f0() : int64"),
        expect!["line 3: expected the end of the line after the instruction, found `:`"],
    );
}

#[test]
fn error_bad_terminator() {
    check_error(
        "fn f0 f() -> none {\nbb0:\n    raise KeyError \"k\"\n}\n",
        expect![
            "line 3: expected an exception (AssertionError, ValueError, UnboundLocalError), found `KeyError`"
        ],
    );
    check_error(
        "fn f0 f() -> none {\nbb0:\n    ret v1 v2\n}\n",
        expect!["line 3: expected the end of the line after the terminator, found `v2`"],
    );
    check_error(
        "fn f0 f() -> none {\nbb0:\n    jump 1\n}\n",
        expect!["line 3: expected a block (`bbN`), found `1`"],
    );
}

#[test]
fn error_bad_string() {
    check_error(
        &in_block("print \"abc, sep \" \", end \"\""),
        expect!["line 3: expected `,`, found `\"`"],
    );
    check_error(
        &in_block("print \"abc"),
        expect!["line 3: unterminated string: expected a closing `\"`"],
    );
    check_error(
        &in_block(r#"print "a\qb", sep " ", end """#),
        expect![[r#"line 3: unknown escape `\q`: expected one of \n \t \r \0 \\ \" \' \u{..}"#]],
    );
    check_error(
        &in_block(r#"print "\u{d800}", sep " ", end """#),
        expect![[r#"line 3: `\u{d800}` is not a Unicode scalar value"#]],
    );
    check_error(
        &in_block(r#"print "\u7f", sep " ", end """#),
        expect![[r#"line 3: expected 1 to 6 hex digits in braces after `\u`, as in `\u{7f}`"#]],
    );
    check_error(
        &in_block("print v0, sep \" \""),
        expect!["line 3: expected `,`, found the end of the line"],
    );
}

// ---------------------------------------------------------------- no panics

/// Parse, and when that succeeds check that printing is a fixed point of
/// parse-then-print.
fn parse_never_panics(text: &str) {
    if let Ok(program) = parse_program(text) {
        let printed = program.to_string();
        let again = parse_program(&printed)
            .unwrap_or_else(|e| panic!("printed text does not parse: {e}\n{printed}"));
        assert_eq!(again.to_string(), printed);
    }
    let _ = parse_function(text);
}

#[derive(Clone, Debug)]
enum Mutation {
    Delete(usize, usize),
    Insert(usize, String),
    Replace(usize, char),
    DuplicateLine(usize),
    SwapLines(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let pieces = prop_oneof![
        Just("v".to_owned()),
        Just("bb".to_owned()),
        Just("9".to_owned()),
        Just("0".to_owned()),
        Just("99999".to_owned()),
        Just("4294967296".to_owned()),
        Just(", ".to_owned()),
        Just(" : ".to_owned()),
        Just("\"".to_owned()),
        Just("\\".to_owned()),
        Just("\\u{".to_owned()),
        Just("[".to_owned()),
        Just("\n".to_owned()),
        Just("\n}\n".to_owned()),
        Just("bb1:\n".to_owned()),
        Just(".np".to_owned()),
        Just("é".to_owned()),
        Just("; ".to_owned()),
        "[ -~]{0,6}",
    ];
    prop_oneof![
        (any::<usize>(), 1usize..20).prop_map(|(at, len)| Mutation::Delete(at, len)),
        (any::<usize>(), pieces).prop_map(|(at, s)| Mutation::Insert(at, s)),
        (any::<usize>(), any::<char>()).prop_map(|(at, c)| Mutation::Replace(at, c)),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
    ]
}

fn mutate(text: &str, mutations: &[Mutation]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for m in mutations {
        let n = chars.len().max(1);
        match m {
            Mutation::Delete(at, len) => {
                let at = at % n;
                let end = (at + len).min(chars.len());
                chars.drain(at.min(end)..end);
            }
            Mutation::Insert(at, s) => {
                let at = at % (chars.len() + 1);
                chars.splice(at..at, s.chars());
            }
            Mutation::Replace(at, c) => {
                if !chars.is_empty() {
                    let at = at % chars.len();
                    chars[at] = *c;
                }
            }
            Mutation::DuplicateLine(i) | Mutation::SwapLines(i, _) => {
                let text: String = chars.iter().collect();
                let mut lines: Vec<&str> = text.split('\n').collect();
                let i = i % lines.len();
                match m {
                    Mutation::SwapLines(_, j) => {
                        let j = j % lines.len();
                        lines.swap(i, j);
                    }
                    _ => lines.insert(i, lines[i]),
                }
                chars = lines.join("\n").chars().collect();
            }
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        parse_never_panics(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn random_text_never_panics(text in "(fn f0 |bb[0-9]:|v[0-9]+ = |[a-z.]+ |v[0-9], |\\[|\\]|\"|: int64|\\{|\\}|\n){0,40}") {
        parse_never_panics(&text);
    }

    #[test]
    fn mutated_fixtures_never_panic(
        which in any::<prop::sample::Index>(),
        mutations in proptest::collection::vec(mutation(), 1..4),
    ) {
        let fixtures = fixtures();
        let (_, text) = &fixtures[which.index(fixtures.len())];
        parse_never_panics(&mutate(text, &mutations));
    }
}
